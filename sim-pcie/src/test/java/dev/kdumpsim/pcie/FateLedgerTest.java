package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.CompletionRing;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.MsiMessage;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FateLedgerTest {

    @Test
    void everyIssuedTransactionGetsExactlyOneFateUnderRandomResetsAndIommuModes() {
        for (long seed = 1; seed <= 40; seed++) {
            Rig rig = new Rig(RootComplexParams.REPORT_2018, seed);
            long[] observed = new long[1];
            rig.rc.addObserver((t, rid, sid, w, a, len, fate, pa, r, ev) -> observed[0]++);
            SplittableRandom rnd = rig.sim.random().stream("ledger-test");
            PcieBridge rp1 = rig.rc.addRootPort(1, 1);
            PcieBridge rp2 = rig.rc.addRootPort(2, 2);
            rig.rc.enableAllBridges();
            EndpointDevice d1 = rp1.attachEndpoint(EndpointParams.report2018("nic").withUpstreamLatencyNs(3_000));
            EndpointDevice d2 = rp2.attachEndpoint(EndpointParams.defaults("hba").withCompletionTimeoutNs(50_000));
            List<EndpointFunction> fns = List.of(d1.function(0), d1.function(1), d2.function(0));
            for (EndpointFunction f : fns) {
                program(rig, f);
            }
            for (int step = 0; step < 60; step++) {
                rig.sim.runUntil(rig.sim.now() + 1 + rnd.nextInt(20_000));
                EndpointFunction f = fns.get(rnd.nextInt(fns.size()));
                switch (rnd.nextInt(7)) {
                    case 0: rig.iommu.mode = ScriptedIommu.Mode.values()[rnd.nextInt(4)]; break;
                    case 1: rig.clearBme(f); break;
                    case 2: program(rig, f); break;
                    case 3: ResetTest.flr(rig, f); break;
                    case 4: {
                        PcieBridge b = rnd.nextBoolean() ? rp1 : rp2;
                        int bc = rig.rc.configRead(b.bdf(), PciRegs.BRIDGE_CONTROL, 2);
                        rig.rc.configWrite(b.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc ^ PciRegs.BRIDGE_CTL_BUS_RESET);
                        break;
                    }
                    case 5: f.refillReceiveBuffers(1 + rnd.nextInt(8)); break;
                    default: rig.rc.enableAllBridges(); break;
                }
                rig.assertLedgerBalanced();
            }
            for (EndpointFunction f : fns) {
                f.stopDma();
            }
            for (PcieBridge b : List.of(rp1, rp2)) {
                rig.rc.configWrite(b.bdf(), PciRegs.BRIDGE_CONTROL, 2, 0);
            }
            rig.sim.run();
            assertEquals(0, rig.rc.inFlightCount(), "seed " + seed);
            assertEquals(rig.rc.issuedCount(), rig.rc.fatedCount(), "seed " + seed);
            assertEquals(rig.rc.fatedCount(), observed[0], "seed " + seed);
            assertTrue(rig.rc.issuedCount() > 0, "seed " + seed);
        }
    }

    private static void program(Rig rig, EndpointFunction f) {
        rig.enable(f);
        long base = 0x1000_0000L * (1 + f.functionNumber());
        f.programDescriptorRing(new DescriptorRing(base, 64, 64, 2_000));
        f.postReceiveBuffers(new ReceiveBufferRing(base + 0x100_0000L, 32, 512, 4096, 16, 1_500));
        f.programCompletionRing(new CompletionRing(base + 0x200_0000L, 64, 16));
        f.programMsi(new MsiMessage(0x0800_0040L, 0x40 + f.functionNumber(), 4));
    }
}
