package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Interrupt remapping (5.1): MSIs in remappable format looked up in IRTEs, and their faults. */
class InterruptRemappingTest {

    static final int NIC = VtdRegisters.sourceId(1, 0, 0);

    private static VtdTestBed bed(boolean x2apic) {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        t.enableInterruptRemapping(7, x2apic); // 2^(7+1) = 256 entries
        return t;
    }

    private static RemappedInterrupt msi(VtdTestBed t, int sid, int handle, int data) {
        return t.unit.remapInterrupt(sid, VtdTestBed.remappableMsiAddress(handle), data, t.irq);
    }

    private static void assertBlocked(int reason, RemappedInterrupt r) {
        assertEquals(RemappedInterrupt.Outcome.BLOCKED, r.outcome());
        assertEquals(reason, r.faultReason(), () -> "got 0x" + Integer.toHexString(r.faultReason()));
    }

    @Test
    void remapsThroughTheIrteWithX2apicDestinationAndSubhandle() {
        VtdTestBed t = bed(true);
        InterruptRemapEntry.msi(0x45, 0x1_0002, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 12);
        RemappedInterrupt r = msi(t, NIC, 12, 0);
        assertEquals(RemappedInterrupt.Outcome.REMAPPED, r.outcome());
        assertEquals(12, r.index());
        assertEquals(0x45, r.vector());
        assertEquals(0x1_0002, r.destinationId());
        assertFalse(r.levelTriggered());
        // SHV: subhandle 2 added to handle 10 (multi-vector MSI)
        RemappedInterrupt s = t.unit.remapInterrupt(NIC, VtdTestBed.remappableMsiAddress(10) | 8, 2, t.irq);
        assertEquals(12, s.index());
        assertEquals(2, t.unit.interruptsRemapped());
        assertTrue(InterruptRemapper.isInterruptAddress(VtdTestBed.remappableMsiAddress(12)));
        assertFalse(InterruptRemapper.isInterruptAddress(0xfef0_0000L));
    }

    @Test
    void xapicModeTakesTheApicIdFromDestinationBits15To8() {
        VtdTestBed t = bed(false);
        InterruptRemapEntry.msi(0x30, 0x0300, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 1);
        assertEquals(3, msi(t, NIC, 1, 0).destinationId());
        InterruptRemapEntry.msi(0x30, 0x1_0300, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 2);
        assertBlocked(FaultReason.IRTE_RESERVED, msi(t, NIC, 2, 0));
    }

    @Test
    void notPresentIrteFaultsAndIsRecordedWithTheIndex() {
        VtdTestBed t = bed(true);
        RemappedInterrupt r = msi(t, NIC, 0x42, 0);
        assertBlocked(FaultReason.IRTE_NOT_PRESENT, r);
        assertTrue(r.faultRecorded());
        FaultRecord f = t.frcd(0);
        assertTrue(f.interruptRemapping());
        assertEquals(0x42, f.interruptIndex());
        assertEquals(NIC, f.sourceId());
        assertFalse(f.read(), "interrupt requests are writes");
        assertEquals("Present field in the IRTE entry is clear", FaultReason.linuxName(f.reason()));
    }

    @Test
    void fpdInTheIrteSuppressesItsQualifiedFaults() {
        VtdTestBed t = bed(true);
        new InterruptRemapEntry(false, true, false, false, false, 0, 0, 0, 0, 0, 0).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 5);
        RemappedInterrupt r = msi(t, NIC, 5, 0);
        assertBlocked(FaultReason.IRTE_NOT_PRESENT, r);
        assertFalse(r.faultRecorded());
    }

    @Test
    void requestAndTableBoundFaults() {
        VtdTestBed t = bed(true);
        assertBlocked(FaultReason.IR_INDEX_BEYOND_TABLE, msi(t, NIC, 256, 0));
        InterruptRemapEntry.msi(0x45, 1, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 3);
        assertBlocked(FaultReason.IR_REQUEST_RESERVED,
                t.unit.remapInterrupt(NIC, VtdTestBed.remappableMsiAddress(3) | 8, 0x1_0000, t.irq));
        assertBlocked(FaultReason.IR_REQUEST_RESERVED, t.unit.remapInterrupt(NIC, 0xfed0_0010L, 0, t.irq));
        new InterruptRemapEntry(true, false, false, false, false, 0, 1, 1, NIC, 0, 3).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 4);
        assertBlocked(FaultReason.IRTE_RESERVED, msi(t, NIC, 4, 0)); // SVT 11b
        t.mem.writeLong(t.cpu, VtdTestBed.IRT + 16 * 3, t.mem.peekLong(VtdTestBed.IRT + 16 * 3) | (1L << 15));
        t.submitAndWait(InvalidationDescriptor.interruptEntryCacheIndex(3, 0));
        assertBlocked(FaultReason.IRTE_RESERVED, msi(t, NIC, 3, 0)); // IM=1: posted format without CAP.PI
    }

    @Test
    void compatibilityFormatIsBlockedUnlessCfiIsSet() {
        VtdTestBed t = bed(true);
        long compat = 0xfee0_1000L;
        assertBlocked(FaultReason.IR_COMPATIBILITY_BLOCKED, t.unit.remapInterrupt(NIC, compat, 0x41, t.irq));
        t.gcmd |= GCMD_CFI;
        t.command(t.gcmd, GSTS_CFIS, true);
        RemappedInterrupt r = t.unit.remapInterrupt(NIC, compat, 0x41, t.irq);
        assertEquals(RemappedInterrupt.Outcome.PASSED_THROUGH, r.outcome());
        assertEquals(compat, r.address());
        assertEquals(0x41, r.data());
    }

    @Test
    void sourceIdVerificationByRequesterIdAndByBusRange() {
        VtdTestBed t = bed(true);
        InterruptRemapEntry.msi(0x50, 1, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 7);
        assertBlocked(FaultReason.IR_SOURCE_ID_INVALID, msi(t, VtdRegisters.sourceId(2, 0, 0), 7, 0));
        assertEquals(RemappedInterrupt.Outcome.REMAPPED, msi(t, NIC, 7, 0).outcome());
        new InterruptRemapEntry(true, false, false, false, false, 0, 0x51, 1, (4 << 8) | 6, 0,
                InterruptRemapEntry.SVT_BUS_RANGE).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 8);
        assertEquals(RemappedInterrupt.Outcome.REMAPPED, msi(t, VtdRegisters.sourceId(5, 1, 0), 8, 0).outcome());
        assertBlocked(FaultReason.IR_SOURCE_ID_INVALID, msi(t, VtdRegisters.sourceId(7, 0, 0), 8, 0));
        new InterruptRemapEntry(true, false, false, false, false, 0, 0x52, 1, VtdRegisters.sourceId(1, 0, 4), 1,
                InterruptRemapEntry.SVT_REQUESTER_ID).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 9);
        assertEquals(RemappedInterrupt.Outcome.REMAPPED, msi(t, NIC, 9, 0).outcome(), "SQ=01b ignores function bit 2");
    }

    @Test
    void interruptEntryCacheHidesAnIrteChangeUntilInvalidated() {
        VtdTestBed t = bed(true);
        InterruptRemapEntry.msi(0x60, 1, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 20);
        assertEquals(0x60, msi(t, NIC, 20, 0).vector());
        assertTrue(t.unit.isInterruptEntryCached(20));
        InterruptRemapEntry.msi(0x61, 1, NIC).writeTo(t.mem, t.cpu, VtdTestBed.IRT, 20);
        assertEquals(0x60, msi(t, NIC, 20, 0).vector(), "stale IEC entry");
        t.submitAndWait(InvalidationDescriptor.interruptEntryCacheIndex(16, 3)); // 16..23
        assertEquals(0x61, msi(t, NIC, 20, 0).vector());
    }

    @Test
    void passesThroughWhileInterruptRemappingIsDisabled() {
        VtdTestBed t = new VtdTestBed();
        RemappedInterrupt r = msi(t, NIC, 3, 0x99);
        assertEquals(RemappedInterrupt.Outcome.PASSED_THROUGH, r.outcome());
        assertEquals(0x99, r.data());
    }
}
