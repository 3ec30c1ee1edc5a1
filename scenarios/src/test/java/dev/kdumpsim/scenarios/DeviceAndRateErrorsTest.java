package dev.kdumpsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The new keys' errors: each one line {@code file:line:col: message (hint)} at the offending value or key. */
class DeviceAndRateErrorsTest {

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
                drivers: [{device: "01:00.0"}]
            timeline: [{at: 10s, action: panic}]
            """;

    private static String error(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", text, List.of())).format();
    }

    private static String endpoint(String keys) {
        return error(BASE.replace("    - bdf: \"01:00.0\"", "    - bdf: \"01:00.0\"\n" + keys));
    }

    private static String rates(String rates) {
        return error(BASE + "expect:\n  rates:\n" + rates);
    }

    @Test
    void identityValuesAreHexOfTheirRegistersWidth() {
        assertEquals("s.yaml:7:21: platform.pcie.topology.endpoints[0].vendorId: '8086' is not a hex value (expected e.g. \"0x8086\")"
                + " (write a hex value such as \"0x8086\" or \"0x00062011\")", endpoint("          vendorId: \"8086\""));
        assertEquals("s.yaml:7:21: PCI Vendor ID is 16 bits; 0x18086 does not fit (at most 0xffff)", endpoint("          vendorId: \"0x18086\""));
        assertEquals("s.yaml:7:22: Class Code is 24 bits; 0x1020000 does not fit (at most 0xffffff)", endpoint("          classCode: 0x1020000"));
        assertEquals("s.yaml:7:28: AER Uncorrectable Error Mask is 32 bits; 0x100000000 does not fit (at most 0xffffffff)",
                endpoint("          aer: {uncorMask: \"0x100000000\"}"));
        assertEquals("s.yaml:7:17: unknown key 'uncorSev' in platform.pcie.topology.endpoints[0].aer"
                + " (expected one of: uncorSeverity, uncorMask, corMask)",
                endpoint("          aer: {uncorSev: \"0x0\"}"));
    }

    @Test
    void completionTimeoutValuesNeedTheirRangeAndDisableItsSupport() {
        assertEquals("s.yaml:7:67: Completion Timeout Value 65ms-210ms is in range B, which rangesSupported does not list"
                + " (DevCtl2 keeps 0000b, PCIe r5.0 §7.5.3.16) (add B to rangesSupported or write value: default)",
                endpoint("          completionTimeoutControl: {rangesSupported: [A], value: 65ms-210ms}"));
        assertEquals("s.yaml:7:70: Completion Timeout Disable is set but not supported (DevCap2 bit 4) (add disableSupported: true)",
                endpoint("          completionTimeoutControl: {rangesSupported: [A], disabled: true}"));
        assertEquals("s.yaml:7:59: platform.pcie.topology.endpoints[0].completionTimeoutControl.rangesSupported[1]: unknown name 'E'"
                + " (did you mean 'A'?)", endpoint("          completionTimeoutControl: {rangesSupported: [A, E]}"));
    }

    @Test
    void driverNamesAreLinuxNames() {
        assertEquals("s.yaml:10:41: driver name 'igb driver' is not 1 to 32 of A-Z a-z 0-9 _ - (write the Linux pci_driver.name,"
                + " e.g. igb, ixgbe, bnx2x, mlx5_core, nvme, mpt3sas, hpsa)",
                error(BASE.replace("drivers: [{device: \"01:00.0\"}]", "drivers: [{device: \"01:00.0\", name: igb driver}]")));
    }

    @Test
    void kdumpKernelExpectationsNameAState() {
        assertEquals("s.yaml:12:33: expect.verdict.kdumpKernel: unknown name 'dead' (expected one of: alive, panicked, hung)",
                error(BASE + "expect: {verdict: {kdumpKernel: dead}}\n"));
    }

    @Test
    void rateKeysFollowTheGrammarAtTheirKey() {
        assertEquals("s.yaml:15:5: expect.rate verdict.kdumpKernl=panicked: the verdict has no rate field 'kdumpKernl'"
                + " (did you mean 'kdumpKernel'?)", rates("    seeds: 4\n    verdict.kdumpKernl=panicked: {min: 0.1}\n"));
        assertEquals("s.yaml:15:5: expect.rate verdict.kdumpKernel=panick: verdict.kdumpKernel is never 'panick' (did you mean 'panicked'?)",
                rates("    seeds: 4\n    verdict.kdumpKernel=panick: {min: 0.1}\n"));
        assertEquals("s.yaml:15:5: expect.rate verdict.dumpSaved=yes: verdict.dumpSaved is never 'yes' (expected one of: true, false)",
                rates("    seeds: 4\n    verdict.dumpSaved=yes: {min: 0.1}\n"));
        assertEquals("s.yaml:15:5: expect.unknown rate 'dumpSaved' (write verdict.FIELD=VALUE (FIELD one of kdumpCorrupted, dumpSaved,"
                + " kdumpKernel) or 'log:REGEX')", rates("    seeds: 4\n    dumpSaved: {min: 0.1}\n"));
        String regex = rates("    seeds: 4\n    'log:(unclosed': {min: 0.1}\n");
        assertEquals("s.yaml:15:5: expect.rate log:(unclosed: '(unclosed' is not a valid RE2 regular expression", regex.substring(0, regex.indexOf(':', 60)));
    }

    @Test
    void rateBoundsAreFractionsInOrderAndSeedsAreBounded() {
        assertEquals("s.yaml:15:35: expect.rates.verdict.dumpSaved=true.max: a fraction is from 0 to 1, not 1.5"
                + " (write a fraction from 0 to 1 such as 0.25)", rates("    seeds: 4\n    verdict.dumpSaved=true: {max: 1.5}\n"));
        assertEquals("s.yaml:15:29: expect.rates.verdict.dumpSaved=true: min 0.5 is above max 0.25",
                rates("    seeds: 4\n    verdict.dumpSaved=true: {min: 0.5, max: 0.25}\n"));
        assertEquals("s.yaml:15:29: expect.rates.verdict.dumpSaved=true: a rate needs min, max or both",
                rates("    seeds: 4\n    verdict.dumpSaved=true: {}\n"));
        assertEquals("s.yaml:14:12: expect.rates.seeds must be 1 to 10000, not 0 (40 seeds tell 25% from 50%; a sweep is for more)",
                rates("    seeds: 0\n    verdict.dumpSaved=true: {min: 0.5}\n"));
        assertEquals("s.yaml:14:5: missing required key 'seeds' in expect.rates (add 'seeds:' — Number of seeds to run (1-10000):"
                + " the file's seed to seed+N-1)", rates("    verdict.dumpSaved=true: {min: 0.5}\n"));
        assertEquals("s.yaml:14:12: expect.rates names no rate (add e.g. 'verdict.dumpSaved=true: {min: 0.6}')", rates("    seeds: 4\n"));
    }
}
