package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.value.Bdf;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LspciFileTest {

    static final Path DIR = Path.of("src/test/resources/reports");

    private static void read(String name, String text, Facts f) {
        try {
            LspciFile.read(name, text, f);
        } catch (ScenarioException e) {
            throw new AssertionError(e.format());
        }
    }

    private static Facts read(String file) throws Exception {
        Facts f = new Facts();
        LspciFile.read(file, Files.readString(DIR.resolve(file)), f);
        return f;
    }

    @Test
    void treeGivesRootPortsAndWhatIsBelowThem() throws Exception {
        Facts f = read("lspci-tv.txt");
        assertEquals(java.util.Set.of(Bdf.parse("00:01.0"), Bdf.parse("00:02.0")), f.rootPorts);
        assertEquals(Bdf.parse("00:01.0"), f.portOf.get(Bdf.parse("01:00.0")));
        assertEquals(Bdf.parse("00:01.0"), f.portOf.get(Bdf.parse("01:00.1")));
        assertEquals(Bdf.parse("00:02.0"), f.portOf.get(Bdf.parse("02:00.0")));
    }

    @Test
    void aSwitchBelowARootPortMapsToTheRootPort() throws Exception {
        Facts f = new Facts();
        LspciFile.read("t", "-[0000:00]-+-00.0  Host\n           \\-01.0-[01-03]----00.0-[02-03]----00.0-[03]----00.0  NIC\n", f);
        assertEquals(Bdf.parse("00:01.0"), f.portOf.get(Bdf.parse("03:00.0")));
    }

    @Test
    void numericListingGivesIdsAndClasses() throws Exception {
        Facts f = read("lspci-nn.txt");
        DeviceFacts nic = f.devices.get(Bdf.parse("01:00.0"));
        assertEquals(0x8086, nic.vendorId);
        assertEquals(0x10c9, nic.deviceId);
        assertEquals(0x020000, nic.classCode);
        assertTrue(f.devices.get(Bdf.parse("00:01.0")).bridge);
        assertEquals(0x144d, f.devices.get(Bdf.parse("02:00.0")).vendorId);
    }

    @Test
    void verboseListingGivesFlrAerAndTheDriver() throws Exception {
        Facts f = read("lspci-vvv.txt");
        DeviceFacts nic = f.devices.get(Bdf.parse("01:00.0"));
        assertEquals(Boolean.TRUE, nic.flr);
        assertEquals(Boolean.TRUE, nic.aerCapability);
        assertEquals("igb", nic.drivers.get(0));
        assertEquals(0x010802, f.devices.get(Bdf.parse("02:00.0")).classCode);
    }

    /** DevCtl's second line ends in FLReset- (the Initiate FLR bit, which reads 0): it is not the capability. */
    @Test
    void devCtlsFlResetBitIsNotTheCapability() {
        Facts f = new Facts();
        LspciFileTest.read("v", "01:00.0 Ethernet controller: X\n\t\tDevCap:\tMaxPayload 512 bytes\n\t\t\tRBE+ FLReset+\n"
                + "\t\tDevCtl:\tCorrErr+\n\t\t\tNoSnoop+ FLReset-\n", f);
        assertEquals(Boolean.TRUE, f.devices.get(Bdf.parse("01:00.0")).flr);
    }

    @Test
    void aFileThatIsNotLspciOutputIsALocatedError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> LspciFile.read("x.txt", "\n\nhello: this is a log\n", new Facts()));
        assertEquals("x.txt:3:1", e.file() + ":" + e.line() + ":" + e.column());
        assertTrue(e.problem().startsWith("not lspci output"), e.format());
    }
}
