package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.DmaPort;
import org.junit.jupiter.api.Test;

/**
 * Device Control 2 Completion Timeout Value (PCIe r5.0 §7.5.3.16) drives when an unanswered
 * read times out (§2.8).
 */
class CompletionTimeoutRangeTest {

    static final long US = 1_000L;
    static final long MS = 1_000_000L;

    static Rig neverCompletingRig() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_SILENT;
        return rig;
    }

    /** Issues one read that never completes and returns when its Completion Timeout fired. */
    static long timeoutAfter(Rig rig, EndpointFunction f) {
        long start = rig.sim.now();
        long before = f.completionTimeouts();
        assertEquals(DmaPort.ISSUED, f.issueRead(0x4000_0000L, 64));
        rig.sim.runUntil(() -> f.completionTimeouts() > before);
        return rig.sim.now() - start;
    }

    static EndpointFunction fn(Rig rig, CompletionTimeoutControl cto) {
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic").withCompletionTimeout(cto));
        rig.enable(f);
        return f;
    }

    @Test
    void defaultRangeUsesTheDevicesOwnTimeoutOf50ms() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, CompletionTimeoutControl.DEFAULT_RANGE_ONLY);
        assertEquals(50 * MS, timeoutAfter(rig, f));
    }

    @Test
    void programmedRangesTimeOutAtTheirUpperBound() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, CompletionTimeoutControl.ALL_RANGES);
        assertEquals(0x1f, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCAP2, 4) & 0x1f);
        long[][] cases = {{0b0001, 100 * US}, {0b0010, 10 * MS}, {0b0101, 55 * MS}, {0b0110, 210 * MS},
                {0b1001, 900 * MS}, {0b1010, 3_500 * MS}, {0b1101, 13_000 * MS}, {0b1110, 64_000 * MS}};
        for (long[] c : cases) {
            rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL2, 2, (int) c[0]);
            assertEquals(c[1], timeoutAfter(rig, f), "value 0x" + Long.toHexString(c[0]));
        }
    }

    @Test
    void firmwareLeftValueIsUsedUntilAResetRestores0000b() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, new CompletionTimeoutControl(CompletionTimeoutControl.RANGE_B, false, 0b0110, false));
        assertEquals(0b0110, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL2, 2));
        assertEquals(210 * MS, timeoutAfter(rig, f));
        ResetTest.flr(rig, f);
        rig.sim.runUntil(rig.sim.now() + f.params().flrCompletionNs());
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL2, 2), "DevCtl2 is not sticky");
        rig.enable(f);
        assertEquals(50 * MS, timeoutAfter(rig, f));
    }

    @Test
    void withoutProgrammabilityTheFieldIsHardwiredTo0000b() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, CompletionTimeoutControl.DEFAULT_RANGE_ONLY);
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL2, 2, 0b1110 | PciRegs.EXP_DEVCTL2_COMP_TMOUT_DIS);
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL2, 2));
        assertEquals(50 * MS, timeoutAfter(rig, f));
    }

    @Test
    void anUnsupportedRangeFallsBackToTheDefaultRange() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, new CompletionTimeoutControl(CompletionTimeoutControl.RANGE_A, false, 0, false));
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL2, 2, 0b1110); // range D, not supported
        assertEquals(50 * MS, timeoutAfter(rig, f));
    }

    @Test
    void completionTimeoutDisableStopsTimeouts() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, CompletionTimeoutControl.ALL_RANGES);
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL2, 2, PciRegs.EXP_DEVCTL2_COMP_TMOUT_DIS);
        assertEquals(Long.MAX_VALUE, f.completionTimeoutNs());
        f.issueRead(0x4000_0000L, 64);
        rig.sim.runUntil(rig.sim.now() + 100_000 * MS);
        assertEquals(0, f.completionTimeouts());
        assertEquals(1, f.outstandingReads());
    }

    @Test
    void aShorterRangeSetWhileAReadIsPendingDoesNotDelayTheNewReadsTimeout() {
        Rig rig = neverCompletingRig();
        EndpointFunction f = fn(rig, CompletionTimeoutControl.ALL_RANGES);
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL2, 2, 0b1010); // 3.5 s
        f.issueRead(0x4000_0000L, 64);
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL2, 2, 0b0001); // 100 us
        f.issueRead(0x4000_1000L, 64);
        rig.sim.runUntil(100 * US);
        assertEquals(1, f.completionTimeouts(), "the second read timed out at its own deadline");
        rig.sim.runUntil(3_500 * MS);
        assertEquals(2, f.completionTimeouts(), "the first kept the deadline it was issued with");
    }

    @Test
    void reservedOrUnsupportedFirmwareValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CompletionTimeoutControl(0xf, false, 0b0011, false));
        assertThrows(IllegalArgumentException.class,
                () -> new CompletionTimeoutControl(CompletionTimeoutControl.RANGE_A, false, 0b0101, false));
        assertThrows(IllegalArgumentException.class, () -> new CompletionTimeoutControl(0, false, 0, true));
    }
}
