package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes to 0xFEEx_xxxx go to the interrupt-remapping hook when one is set, and to the IOMMU's DMA port otherwise. */
class InterruptRequestRoutingTest {

    @Test
    void withoutAHookAnMsiWriteIsDmaAsBefore() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        f.issueWrite(0xfee0_0000L, 4, 0x41);
        rig.sim.run();
        assertEquals(1, rig.iommu.calls);
        assertEquals(1, rig.rc.fateCount(DmaFate.TRANSLATED));
    }

    @Test
    void withAHookMsisAreRemappedPassedThroughOrBlockedAndNeverTranslatedAsDma() {
        Rig rig = new Rig(RootComplexParams.VTD_PLATFORM);
        List<String> seen = new ArrayList<>();
        rig.rc.setInterruptRequestHandler((sid, address, data, out) -> {
            seen.add(Integer.toHexString(sid) + " " + Long.toHexString(address) + " " + Integer.toHexString(data));
            if (data == 1) {
                return out.translated(address, 0);
            }
            return data == 2 ? out.bypassed(address, 0) : out.aborted(0x22, true, 0);
        });
        List<DmaTransaction> txns = DmaTransactionTest.record(rig.rc);
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        f.issueWrite(0xfee0_0010L, 4, 1);
        f.issueWrite(0xfee0_0000L, 4, 2);
        f.issueWrite(0xfee0_1000L, 4, 3);
        f.issueWrite(0xfef0_0000L, 4, 4); // outside the range: DMA
        rig.sim.run();
        assertEquals(List.of(Integer.toHexString(f.bdf()) + " fee00010 1", Integer.toHexString(f.bdf()) + " fee00000 2",
                Integer.toHexString(f.bdf()) + " fee01000 3"), seen);
        assertEquals(1, rig.iommu.calls, "only the write outside 0xFEEx_xxxx reached the DMA port");
        assertEquals(List.of(DmaFate.TRANSLATED, DmaFate.BYPASSED, DmaFate.ABORTED_WITH_EVENT, DmaFate.TRANSLATED),
                txns.stream().map(DmaTransaction::fate).toList());
        assertEquals(0x22, txns.get(2).eventId());
        assertEquals(null, txns.get(0).region(), "an interrupt touches no memory");
        rig.assertLedgerBalanced();
    }

    @Test
    void theVtdPlatformAnswersFaultedReadsWithUnsupportedRequest() {
        assertEquals(AbortedReadResponse.UNSUPPORTED_REQUEST, RootComplexParams.VTD_PLATFORM.abortedReadResponse());
        assertEquals(RequesterIdMap.IDENTITY, RootComplexParams.VTD_PLATFORM.requesterIdMap());
    }
}
