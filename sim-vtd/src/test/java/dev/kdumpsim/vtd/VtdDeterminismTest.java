package dev.kdumpsim.vtd;

import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Same inputs and seed -> the same outcomes, fault records and event times, whatever ran before. */
class VtdDeterminismTest {

    /** A seeded mix of mapped and unmapped DMA, invalidations and interrupts; returns a digest of everything seen. */
    private static String run(long seed) {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().faultRecordCount(4).build(), seed);
        t.enableLegacy();
        t.enableInterruptRemapping(7, true);
        StringBuilder log = new StringBuilder();
        t.unit.addInterruptListener(new VtdInterruptListener() {
            @Override
            public void onFaultEvent() {
                log.append("event@").append(t.sim.now()).append(' ');
                for (int i = 0; i < 4; i++) {
                    FaultRecord r = t.frcd(i);
                    if (r.fault()) {
                        log.append(r).append(' ');
                        t.clearFrcd(i);
                    }
                }
                t.unit.writel(VtdRegisters.FSTS_REG, VtdRegisters.FSTS_PFO);
            }
        });
        t.unit.writel(VtdRegisters.FECTL_REG, 0);
        SecondLevelPageTableBuilder[] domains = new SecondLevelPageTableBuilder[4];
        for (int d = 0; d < 4; d++) {
            domains[d] = t.attach(VtdRegisters.sourceId(1 + d, 0, 0), d + 1, 48);
        }
        InterruptRemapEntry.msi(0x40, 1, VtdRegisters.sourceId(1, 0, 0)).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 1);
        SplittableRandom r = t.sim.random().stream("workload");
        for (int i = 0; i < 400; i++) {
            int d = r.nextInt(5); // 4 = a device without a context entry
            int sid = VtdRegisters.sourceId(1 + d, 0, 0);
            long iova = (long) r.nextInt(64) << 12;
            switch (r.nextInt(6)) {
                case 0:
                    if (d < 4) {
                        domains[d].map(iova, 0x4000_0000L + iova, 4096, true, r.nextBoolean());
                    }
                    break;
                case 1:
                    if (d < 4) {
                        domains[d].unmap(iova, 4096);
                    }
                    break;
                case 2:
                    t.submitAndWait(InvalidationDescriptor.iotlbDomain(d + 1));
                    break;
                case 3:
                    log.append(t.unit.remapInterrupt(sid, VtdTestBed.remappableMsiAddress(r.nextInt(3)), 0, t.irq)
                            .outcome()).append(' ');
                    break;
                default:
                    Translation tr = t.translate(sid, iova, r.nextBoolean());
                    log.append(tr.outcome()).append(':').append(Long.toHexString(tr.physicalAddress())).append(':')
                            .append(tr.eventId()).append(':').append(tr.latencyNs()).append(' ');
            }
            t.sim.runUntil(t.sim.now() + 50);
        }
        t.settle();
        return log.append(t.unit.faultsRecorded()).append('/').append(t.unit.faultsLostToOverflow()).toString();
    }

    @Test
    void sameSeedGivesIdenticalRunsAndDifferentSeedsDiffer() {
        String a = run(42);
        String b = run(42);
        assertEquals(a, b);
        assertNotEquals(a, run(43));
        assertTrue(a.contains("event@"), "the workload raised fault events");
        assertTrue(a.contains("TRANSLATED"), "and translated some requests");
    }
}
