package dev.kdumpsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per class of scenario error: each is one line {@code file:line:col: message (hint)}. */
class ScenarioErrorsTest {

    private static final String BASE = """
            name: t
            platform:
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
            """;

    private static ScenarioException error(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", text, List.of()));
    }

    private static ScenarioException errorSet(String... overrides) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", BASE, List.of(overrides)));
    }

    private static void assertAt(ScenarioException e, int line, int col, String messagePart) {
        String f = e.format();
        assertTrue(f.startsWith("s.yaml:" + line + ":" + col + ": "), f);
        assertTrue(f.contains(messagePart), f);
        assertFalse(f.contains("\n"), f);
        assertFalse(f.contains("Exception"), f);
        assertEquals(f, e.toString());
    }

    @Test
    void baseScenarioIsValid() throws ScenarioException {
        ScenarioLoader.parse("s.yaml", BASE + "timeline: [{at: 10s, action: panic}]\n", List.of());
    }

    @Test
    void unknownKeyIsLocatedAndSuggestsTheNearestKey() {
        ScenarioException e = error(BASE + "platfrom: {}\n");
        assertAt(e, 10, 1, "unknown key 'platfrom'");
        assertEquals("did you mean 'platform'?", e.hint());
        ScenarioException nested = error(BASE.replace("    - bdf: \"01:00.0\"", "    - bdf: \"01:00.0\"\n          errorProfil: normal"));
        assertAt(nested, 7, 11, "unknown key 'errorProfil' in platform.pcie.topology.endpoints[0]");
        assertTrue(nested.format().endsWith("(did you mean 'errorProfile'?)"), nested.format());
    }

    @Test
    void wrongTypesAreLocated() {
        assertAt(error(BASE + "seed: lots\n"), 10, 7, "seed: expected an integer, got 'lots'");
        assertAt(error(BASE + "mitigations: flr-all\n"), 10, 14, "mitigations: expected a list");
        assertAt(error(BASE + "expect: [1]\n"), 10, 9, "expect: expected a mapping, got a list");
        assertAt(error(BASE + "platform2: 1\n".replace("platform2: 1", "name2: x").replace("name2: x", "seed: [1]")), 10, 7, "expected an integer, got a list");
        assertAt(error(BASE.replace("cmdline: \"crashkernel=512M\"", "cmdline: \"crashkernel=512M\"\n    smmuDriver: arm-smmu-v3@4.16\n    iovaGranule: [4KiB]")),
                11, 18, "iovaGranule: expected one of 4KiB, 64KiB");
        ScenarioException bool = error(BASE + "platform: {smmu: {gbpaResetAbort: yes}}\n".replace("platform:", "x:").replace("x: {smmu: {gbpaResetAbort: yes}}", "expect: {verdict: {dumpSaved: yes}}"));
        assertAt(bool, 10, 31, "expected true or false, got 'yes'");
    }

    @Test
    void missingRequiredFieldNamesTheKeyAtItsMapping() {
        ScenarioException e = error(BASE.replace("name: t\n", ""));
        assertAt(e, 1, 1, "missing required key 'name' in the scenario");
        ScenarioException t = error(BASE + "timeline:\n  - {action: panic}\n");
        assertAt(t, 11, 5, "missing required key 'at' in timeline[0]");
    }

    @Test
    void badTypedValuesQuoteTheParserAndShowTheSyntax() {
        ScenarioException bdf = error(BASE.replace("\"01:00.0\"", "\"01:00\""));
        assertAt(bdf, 6, 16, "is not a PCI address");
        assertTrue(bdf.hint().contains("01:00.0"), bdf.hint());
        assertAt(error(BASE + "timeline: [{at: 10, action: panic}]\n"), 10, 17, "has no unit");
        assertAt(error(BASE + "platform2:\n".replace("platform2:\n", "expect: {log: ['(unclosed']}\n")), 10, 16, "not a valid RE2 regular expression");
        ScenarioException size = error(BASE.replace("platform:\n", "platform:\n  dram: [{base: \"0x0\", size: 2GB}]\n"));
        assertAt(size, 3, 30, "ambiguous");
    }

    @Test
    void unknownPolicyAndMitigationNamesSuggestTheNearest() {
        ScenarioException p = error(BASE.replace("cmdline: \"crashkernel=512M\"", "cmdline: \"crashkernel=512M\"\n    smmuDriver: arm-smmu-v3@4.61"));
        assertAt(p, 10, 17, "smmuDriver: unknown name 'arm-smmu-v3@4.61'");
        assertTrue(p.hint().contains("did you mean 'arm-smmu-v3@4.16'?"), p.hint());
        ScenarioException m = error(BASE + "mitigations: [flr-al]\n");
        assertAt(m, 10, 15, "unknown name 'flr-al'");
        assertTrue(m.hint().contains("flr-all"), m.hint());
        assertAt(error(BASE + "mitigations: [flr-all, flr-all]\n"), 10, 24, "listed twice");
    }

    @Test
    void crashkernelOutsideDramIsImpossible() {
        ScenarioException e = error(BASE.replace("crashkernel=512M", "crashkernel=512M@0x900000000"));
        assertAt(e, 9, 14, "crashkernel cannot be placed in DRAM: cannot reserve crashkernel: region is not memory");
        assertTrue(e.hint().contains("0x0-0x400000000"), e.hint());
        assertAt(error(BASE.replace("crashkernel=512M", "crashkernel=64G")), 9, 14, "cannot allocate crashkernel");
        assertAt(error(BASE.replace("crashkernel=512M", "quiet")), 9, 14, "no crashkernel= option");
        assertAt(error(BASE.replace("crashkernel=512M", "crashkernel=lots")), 9, 14, "crashkernel");
    }

    @Test
    void bdfNotInTheTopologyIsImpossibleInDriversAndTimeline() {
        ScenarioException d = error(BASE + "    drivers: [{device: \"02:00.0\"}]\n");
        assertAt(d, 10, 24, "no endpoint function 02:00.0 in the topology");
        assertTrue(d.hint().contains("01:00.0 (endpoint)"), d.hint());
        ScenarioException t = error(BASE + "timeline:\n  - {at: 1s, action: panic}\n  - {at: 2s, clock: kdump, action: flr, device: \"01:00.1\"}\n");
        assertAt(t, 12, 49, "no endpoint function 01:00.1");
        assertAt(error(BASE + "timeline: [{at: 1s, action: flr}]\n"), 10, 29, "flr needs a device");
        assertAt(error(BASE + "timeline: [{at: 10s, action: panic}]\nexpect: {verdict: {wedgedDevices: [\"03:00.0\"]}}\n"), 11, 36,
                "no endpoint function 03:00.0");
    }

    @Test
    void duplicateBdfsAndDuplicateKeysAreImpossible() {
        ScenarioException e = error(BASE.replace("    - bdf: \"01:00.0\"", "    - bdf: \"01:00.0\"\n          functions: 2\n        - bdf: \"01:00.1\""));
        assertAt(e, 8, 16, "duplicate BDF 01:00.1 (already a endpoint)");
        assertAt(error(BASE + "seed: 1\nseed: 2\n"), 11, 1, "duplicate key 'seed'");
        assertAt(error(BASE.replace("    - bdf: \"01:00.0\"", "    - bdf: \"00:00.0\"")), 6, 16, "duplicate BDF 00:00.0 (already a root port)");
    }

    @Test
    void overlappingDramBanksAreImpossible() {
        ScenarioException e = error(BASE.replace("platform:\n", "platform:\n  dram:\n    - {base: \"0x0\", size: 4GiB}\n    - {base: \"0x80000000\", size: 4GiB}\n"));
        assertAt(e, 5, 14, "DRAM bank 0x80000000-0x180000000 overlaps bank 0x0-0x100000000");
    }

    @Test
    void otherImpossibleValuesAreLocated() {
        assertAt(error(BASE + "expect: {counters: {x: {min: 5, max: 2}}}\n"), 10, 24, "max 2 is below min 5");
        assertAt(error(BASE.replace("platform:\n", "platform:\n  smmu: {oasBits: 45}\n")), 3, 19, "no 45-bit encoding");
        assertAt(error(BASE.replace("platform:\n", "platform:\n  smmu: {sidSizeBits: 8}\n").replace("01:00.0", "02:00.0")), 7, 16, "outside the SMMU's 8-bit StreamID space");
        assertAt(error(BASE + "timeline: [{at: 1s, action: config-write, device: \"01:00.0\", offset: 0x1000, value: 0}]\n"), 10, 70, "outside 0-0xfff");
        assertAt(error(BASE + "timeline: [{at: 1s, action: panic}, {at: 2s, action: panic}]\n"), 10, 54, "a second panic");
    }

    @Test
    void yamlSyntaxErrorsAreLocatedToo() {
        ScenarioException e = error("name: t\nplatform: {pcie: [\n");
        assertTrue(e.format().startsWith("s.yaml:3:1: YAML syntax"), e.format());
        assertAt(error("- a\n- b\n"), 1, 1, "the scenario: expected a mapping, got a list");
    }

    @Test
    void badSetPathsAreReportedAsSetErrors() {
        ScenarioException e = errorSet("platform.smmu.sidSizeBit=8");
        assertEquals("--set platform.smmu.sidSizeBit: unknown key 'sidSizeBit' in platform.smmu (did you mean 'sidSizeBits'?)", e.format());
        assertEquals("--set platform.pcie.topology.endpoints[3].bdf: index 3 is out of range: platform.pcie.topology.endpoints has 1 items",
                errorSet("platform.pcie.topology.endpoints[3].bdf=\"02:00.0\"").format());
        assertTrue(errorSet("seed.x=1").format().startsWith("--set seed.x: seed is a single value"));
        assertTrue(errorSet("seed").format().startsWith("--set seed: expected path=value"));
        assertEquals("--set seed: seed: expected an integer, got 'many' (write e.g. 16 or 0x10)", errorSet("seed=many").format());
        assertTrue(errorSet("kernels.first.drivers.x=1").format().contains("'x' is not an index"));
    }

    @Test
    void unreadableFileIsOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(Path.of("no/such/file.yaml"), List.of()));
        assertTrue(e.format().startsWith("no/such/file.yaml: cannot read file"), e.format());
    }
}
