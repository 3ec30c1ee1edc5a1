package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.machine.Machine;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint's identity, AER and DevCtl2 keys as the kernel finds them: read back through config space. */
class EndpointIdentityAssemblyTest {

    private static final int F0 = 0x0100;
    private static final int F1 = 0x0101;

    private static Scenario load(String endpoint, String drivers) throws ScenarioException {
        return ScenarioLoader.parse("s.yaml", """
                name: t
                platform: {pcie: {topology: {endpoints: [%s]}}}
                kernels: {first: {cmdline: "crashkernel=512M", drivers: %s}}
                timeline: [{at: 10s, action: panic}]
                """.formatted(endpoint, drivers), List.of());
    }

    private static RootComplex rc(Scenario s) {
        return new Machine(MachineAssembler.assemble(s)).rootComplex();
    }

    @Test
    void identityKeysReachConfigSpace() throws ScenarioException {
        RootComplex rc = rc(load("{bdf: \"01:00.0\", functions: 2, vendorId: \"0x8086\", deviceId: \"0x10c9\", classCode: \"0x020000\","
                + " serialNumber: \"0x0011_22ff_ff33_4455\"}", "[]"));
        for (int f : new int[] {F0, F1}) {
            assertEquals(0x8086, rc.configRead(f, PciRegs.VENDOR_ID, 2));
            assertEquals(0x10c9, rc.configRead(f, PciRegs.VENDOR_ID + 2, 2));
            assertEquals(0x020000, rc.configRead(f, PciRegs.REVISION_ID, 4) >>> 8);
            assertEquals(PciRegs.EXT_CAP_ID_DSN, rc.configRead(f, PciRegs.DSN_CAP, 4) & 0xffff);
            assertEquals(0xff334455, rc.configRead(f, PciRegs.DSN_LOWER, 4));
            assertEquals(0x001122ff, rc.configRead(f, PciRegs.DSN_UPPER, 4));
        }
    }

    @Test
    void absentKeysKeepTheModelsValues() throws ScenarioException {
        RootComplex normal = rc(load("{bdf: \"01:00.0\"}", "[]"));
        assertEquals(0x1af4, normal.configRead(F0, PciRegs.VENDOR_ID, 2));
        assertEquals(0x1000, normal.configRead(F0, PciRegs.VENDOR_ID + 2, 2));
        assertEquals(0, normal.configRead(F0, PciRegs.REVISION_ID, 4));
        assertEquals(PciRegs.UNC_SEVERITY_DEFAULT, normal.configRead(F0, PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0x00002000, normal.configRead(F0, PciRegs.ERR_COR_MASK, 4));
        assertEquals(0, normal.configRead(F0, PciRegs.EXP_DEVCAP2, 4) & 0x1f);
        RootComplex report = rc(load("{bdf: \"01:00.0\", functions: 2, errorProfile: defective-completion}", "[]"));
        assertEquals(0x17cb, report.configRead(F1, PciRegs.VENDOR_ID, 2));
        assertEquals(0x0401, report.configRead(F1, PciRegs.VENDOR_ID + 2, 2));
        assertEquals(PciRegs.UNC_SEVERITY_REPORT_2018, report.configRead(F1, PciRegs.ERR_UNCOR_SEVER, 4));
    }

    @Test
    void aerRegistersAreThePowerOnValuesAndAbsentOnesKeepTheirDefault() throws ScenarioException {
        RootComplex rc = rc(load("{bdf: \"01:00.0\", aer: {uncorMask: \"0x00100000\", corMask: \"0x00000001\"}}", "[]"));
        assertEquals(PciRegs.UNC_SEVERITY_DEFAULT, rc.configRead(F0, PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0x00100000, rc.configRead(F0, PciRegs.ERR_UNCOR_MASK, 4));
        assertEquals(0x00000001, rc.configRead(F0, PciRegs.ERR_COR_MASK, 4));
        RootComplex sev = rc(load("{bdf: \"01:00.0\", errorProfile: defective-completion, aer: {uncorSeverity: \"0x00462030\"}}", "[]"));
        assertEquals(0x00462030, sev.configRead(F0, PciRegs.ERR_UNCOR_SEVER, 4));
    }

    @Test
    void completionTimeoutControlSetsDevCap2AndDevCtl2() throws ScenarioException {
        RootComplex rc = rc(load("{bdf: \"01:00.0\", completionTimeoutControl: {rangesSupported: [A, B], disableSupported: true,"
                + " value: 65ms-210ms}}", "[]"));
        assertEquals(0b1_0011, rc.configRead(F0, PciRegs.EXP_DEVCAP2, 4) & 0x1f);
        assertEquals(0b0110, rc.configRead(F0, PciRegs.EXP_DEVCTL2, 2) & 0x1f);
        RootComplex off = rc(load("{bdf: \"01:00.0\", completionTimeoutControl: {rangesSupported: [D], disableSupported: true,"
                + " disabled: true}}", "[]"));
        assertEquals(0b1_0000, off.configRead(F0, PciRegs.EXP_DEVCTL2, 2) & 0x1f);
    }

    @Test
    void driverNamesReachTheDriverSpec() throws ScenarioException {
        Scenario s = load("{bdf: \"01:00.0\", functions: 3, preset: intel-82576}",
                "[{device: \"01:00.0\"}, {device: \"01:00.1\", name: e1000e}, {device: \"01:00.2\", profile: storage}]");
        List<DriverSpec> d = MachineAssembler.assemble(s).first().drivers();
        assertEquals("igb", d.get(0).name());
        assertEquals("e1000e", d.get(1).name());
        assertEquals("igb", d.get(2).name(), "function 2 is the preset's too");
        Scenario plain = load("{bdf: \"01:00.0\", functions: 2}", "[{device: \"01:00.0\"}, {device: \"01:00.1\", profile: storage}]");
        List<DriverSpec> model = MachineAssembler.assemble(plain).first().drivers();
        assertEquals(List.of("kdumpsim-nic", "kdumpsim-hba"), model.stream().map(DriverSpec::name).toList());
    }
}
