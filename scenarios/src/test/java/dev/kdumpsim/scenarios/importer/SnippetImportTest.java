package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.scenarios.model.AerFormat;
import dev.kdumpsim.scenarios.model.Arch;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.IommuModel;
import dev.kdumpsim.scenarios.value.LogPattern;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole imports of the other report snippets: a 5.x native-AER igb machine with lspci, an x86 DMAR fault. */
class SnippetImportTest {

    static final Path DIR = Path.of("src/test/resources/reports");

    @Test
    void nativeAerIgbWithLspci() throws Exception {
        LogImport.Result r = LogImport.run(List.of(DIR.resolve("igb-native-aer-5.x.log")),
                List.of(DIR.resolve("lspci-tv.txt"), DIR.resolve("lspci-nn.txt"), DIR.resolve("lspci-vvv.txt")), "o.yaml");
        var s = r.scenario();
        assertEquals(Arch.ARM64, s.platform().effectiveArch());
        assertEquals("5.7.0", s.kernels().first().version().orElseThrow());
        assertEquals("5.7.0", s.kernels().kdump().version().orElseThrow());
        assertTrue(s.kernels().first().cmdline().contains("crashkernel=512M@0xdfe00000"), s.kernels().first().cmdline());
        assertTrue(s.kernels().kdump().cmdline().contains("reset_devices"));
        assertTrue(!s.kernels().kdump().cmdline().contains("elfcorehdr"), "kexec's elfcorehdr= is the model's own");
        assertEquals(AerFormat.NATIVE, s.kernels().kdump().aer());
        List<Endpoint> eps = s.platform().pcie().topology().endpoints();
        assertEquals(2, eps.size(), r.yaml());
        Endpoint nic = eps.get(0);
        assertEquals("intel-82576", nic.preset().orElseThrow());
        assertEquals(2, nic.functions());
        assertEquals("00:01.0", nic.port().orElseThrow().toString().replaceFirst("^0000:", ""));
        assertEquals("samsung-pm983", eps.get(1).preset().orElseThrow());
        assertEquals(DriverProfile.STORAGE, s.kernels().kdump().drivers().stream()
                .filter(d -> d.device().equals(eps.get(1).bdf())).findFirst().orElseThrow().profile(), "the NVMe is the dump target");
        assertEquals(DriverProfile.NIC, s.kernels().kdump().drivers().get(0).profile(), "igb binds 01:00.0 in the kdump kernel's log");
        assertTrue(r.yaml().contains("CmpltTO"), r.yaml());
        assertTrue(r.yaml().contains("# lspci lists its Advanced Error Reporting capability"), r.yaml());
        assertTrue(nic.flrCapable(), "lspci DevCap FLReset+");
        matchesItsOwnLines(r);
    }

    @Test
    void x86DmarFault() throws Exception {
        LogImport.Result r = LogImport.run(List.of(DIR.resolve("x86-dmar-fault.log")), List.of(), "o.yaml");
        var s = r.scenario();
        assertEquals(Arch.X86_64, s.platform().effectiveArch());
        assertEquals(IommuModel.VT_D, s.platform().iommuModel());
        assertEquals("01:00.0", s.platform().pcie().topology().endpoints().get(0).bdf().toString().replaceFirst("^0000:", ""));
        assertTrue(r.yaml().contains("fault reason 0x06"), r.yaml());
        matchesItsOwnLines(r);
    }

    /** Every expect.log pattern matches the line it was made from, printed with a timestamp as the kernel prints it. */
    private static void matchesItsOwnLines(LogImport.Result r) {
        List<String> lines = r.lines().stream().map(l -> l.timestamp().map(t -> "[" + " ".repeat(Math.max(0, 12 - t.length())) + t + "] ").orElse("")
                + l.message()).toList();
        for (LogPattern p : r.scenario().expect().log()) {
            Pattern re = Pattern.compile(p.regex());
            assertTrue(lines.stream().anyMatch(l -> re.matcher(l).find()), p.regex());
        }
    }
}
