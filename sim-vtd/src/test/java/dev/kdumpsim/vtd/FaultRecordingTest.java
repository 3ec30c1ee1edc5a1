package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Primary fault logging (FRCD, FSTS.PPF/PFO/FRI), FPD and the fault event. */
class FaultRecordingTest {

    static final int NIC = VtdRegisters.sourceId(1, 0, 0);

    private static VtdTestBed bed(int records) {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().faultRecordCount(records).build());
        t.enableLegacy();
        t.attach(NIC, 1, 48); // present context, empty table: every access faults 5h/6h
        return t;
    }

    private static final class Counter implements VtdInterruptListener {
        int faultEvents;
        int completionEvents;

        @Override
        public void onFaultEvent() {
            faultEvents++;
        }

        @Override
        public void onInvalidationCompletionEvent() {
            completionEvents++;
        }
    }

    @Test
    void recordsInTheNextRegisterAndPointsFriAtTheFirstPending() {
        VtdTestBed t = bed(4);
        t.translate(NIC, 0x1000, false);
        t.translate(NIC, 0x2000, true);
        int fsts = t.unit.readl(FSTS_REG);
        assertEquals(FSTS_PPF, fsts & FSTS_PPF);
        assertEquals(0, (fsts >>> FSTS_FRI_SHIFT) & 0xff);
        assertEquals(new FaultRecord(true, true, FaultReason.READ_ACCESS_DENIED, NIC, 0x1000), t.frcd(0));
        assertEquals(new FaultRecord(true, false, FaultReason.WRITE_ACCESS_DENIED, NIC, 0x2000), t.frcd(1));
        t.clearFrcd(0);
        t.clearFrcd(1);
        assertEquals(0, t.unit.readl(FSTS_REG) & FSTS_PPF, "PPF clears with the last F");
        t.translate(NIC, 0x3000, false);
        assertEquals(2, (t.unit.readl(FSTS_REG) >>> FSTS_FRI_SHIFT) & 0xff, "the internal index moved on");
        assertTrue(t.frcd(2).fault());
    }

    @Test
    void fullRegistersSetPrimaryFaultOverflowAndDropFaultsUntilPfoIsCleared() {
        VtdTestBed t = bed(2);
        Translation a = t.translate(NIC, 0x1000, false);
        assertTrue(a.eventRecorded());
        t.translate(NIC, 0x2000, false);
        Translation lost = t.translate(NIC, 0x3000, false);
        assertFalse(lost.eventRecorded());
        assertEquals(FSTS_PFO, t.unit.readl(FSTS_REG) & FSTS_PFO);
        t.clearFrcd(0);
        assertFalse(t.translate(NIC, 0x4000, false).eventRecorded(), "nothing is recorded while PFO is set");
        t.unit.writel(FSTS_REG, FSTS_PFO);
        assertEquals(0, t.unit.readl(FSTS_REG) & FSTS_PFO, "PFO is RW1C");
        assertTrue(t.translate(NIC, 0x5000, false).eventRecorded());
        assertEquals(0x5000, t.frcd(0).faultInfo());
        assertEquals(2, t.unit.faultsLostToOverflow());
        assertEquals(5, t.unit.faultCount(FaultReason.READ_ACCESS_DENIED));
    }

    @Test
    void faultProcessingDisableSuppressesQualifiedFaultsOnly() {
        VtdTestBed t = bed(4);
        int quiet = VtdRegisters.sourceId(1, 2, 0);
        // P=0 with FPD=1: FPD is evaluated even though the entry is not present (9.3)
        new ContextEntry(false, true, 0, 0, 2, 0).writeTo(t.mem, t.cpu, t.contextTable(1), quiet & 0xff);
        Translation tr = t.translate(quiet, 0x1000, true);
        assertEquals(FaultReason.CONTEXT_ENTRY_NOT_PRESENT, tr.eventId());
        assertFalse(tr.eventRecorded());
        int fpdDomain = VtdRegisters.sourceId(1, 3, 0);
        SecondLevelPageTableBuilder b = t.attach(fpdDomain, 9, 48);
        ContextEntry.secondLevel(b.root(), 48, 9).withFaultProcessingDisable(true)
                .writeTo(t.mem, t.cpu, t.contextTable(1), fpdDomain & 0xff);
        assertFalse(t.translate(fpdDomain, 0x1000, true).eventRecorded());
        assertEquals(2, t.unit.faultsSuppressedByFpd());
        assertEquals(0, t.unit.readl(FSTS_REG) & FSTS_PPF);
        // root-entry faults are never qualified
        assertTrue(t.translate(VtdRegisters.sourceId(7, 0, 0), 0x1000, true).eventRecorded());
    }

    @Test
    void faultEventIsMaskedAtResetAndDeliveredOncePerPendingEpisode() {
        VtdTestBed t = bed(4);
        Counter c = new Counter();
        t.unit.addInterruptListener(c);
        assertEquals(FECTL_IM, t.unit.readl(FECTL_REG), "IM is 1 at reset");
        t.translate(NIC, 0x1000, false);
        t.settle();
        assertEquals(0, c.faultEvents);
        assertEquals(FECTL_IM | FECTL_IP, t.unit.readl(FECTL_REG));
        t.unit.writel(FECTL_REG, 0); // dmar_msi_unmask
        t.settle();
        assertEquals(1, c.faultEvents, "a pending event fires when IM is cleared");
        assertEquals(0, t.unit.readl(FECTL_REG) & FECTL_IP);
        t.translate(NIC, 0x2000, false);
        t.settle();
        assertEquals(1, c.faultEvents, "PPF was already set: no new event");
        t.clearFrcd(0);
        t.clearFrcd(1);
        t.translate(NIC, 0x3000, false);
        t.settle();
        assertEquals(2, c.faultEvents);
        assertEquals(2, t.unit.faultEvents());
    }

    /**
     * The hardware half of x86-vtd-scalable-copy-faults at seed 45: with FECTL.IM clear (a previous
     * kernel unmasked it) the first fault's interrupt message is sent at once and IP clears (VT-d
     * 10.4.10), whether or not anyone handles it. While PPF stays 1 neither further faults nor PFO are
     * new interrupt conditions (10.4.9, 10.4.10: a status field set while another is already set is
     * not a new condition), and rewriting FECTL = 0 with IP clear sends nothing: only a walk of the
     * recording registers (Linux's {@code enable_drhd_fault_handling} calling {@code dmar_fault}) finds
     * the records.
     */
    @Test
    void anEventSentWhileNobodyListensIsNotResentAndTheRecordsWaitInTheRegisters() {
        VtdTestBed t = bed(2);
        t.unit.writel(FECTL_REG, 0); // the previous kernel's dmar_msi_unmask
        t.translate(NIC, 0x1000, false);
        t.settle();
        assertEquals(1, t.unit.faultEvents(), "sent with IM clear");
        assertEquals(0, t.unit.readl(FECTL_REG) & FECTL_IP, "IP clears when the message is sent");
        Counter late = new Counter();
        t.unit.addInterruptListener(late);
        t.translate(NIC, 0x2000, false);
        t.translate(NIC, 0x3000, false); // registers full: PFO
        t.settle();
        assertEquals(FSTS_PPF | FSTS_PFO, t.unit.readl(FSTS_REG) & (FSTS_PPF | FSTS_PFO));
        t.unit.writel(FECTL_REG, 0); // a late request_irq's unmask, IP clear
        t.settle();
        assertEquals(0, late.faultEvents, "no new interrupt condition while PPF is set, and no pending IP");
        assertEquals(1, t.unit.faultEvents());
        assertTrue(t.frcd(0).fault() && t.frcd(1).fault(), "both records wait in the registers");
        t.clearFrcd(0);
        t.clearFrcd(1);
        t.unit.writel(FSTS_REG, FSTS_PFO | FSTS_PPF); // dmar_fault's end
        t.translate(NIC, 0x4000, false);
        t.settle();
        assertEquals(1, late.faultEvents, "once serviced, the next fault is a new condition");
    }

    /** Linux's dmar_fault: from FRI, read each FRCD with F set, clear it, wrap; then clear FSTS. */
    @Test
    void linuxStyleHandlerDrainsRecordsInOrderAcrossTheWrap() {
        VtdTestBed t = bed(4);
        List<Long> seen = new ArrayList<>();
        t.unit.addInterruptListener(new VtdInterruptListener() {
            @Override
            public void onFaultEvent() {
                int fsts = t.unit.readl(FSTS_REG);
                int i = (fsts >>> FSTS_FRI_SHIFT) & 0xff;
                while (t.frcd(i).fault()) {
                    seen.add(t.frcd(i).faultInfo());
                    t.clearFrcd(i);
                    i = (i + 1) % 4;
                }
                t.unit.writel(FSTS_REG, FSTS_PFO | FSTS_PPF);
            }
        });
        t.unit.writel(FECTL_REG, 0);
        for (int k = 1; k <= 6; k++) {
            t.translate(NIC, 0x1000L * k, false);
            t.settle();
        }
        assertEquals(List.of(0x1000L, 0x2000L, 0x3000L, 0x4000L, 0x5000L, 0x6000L), seen);
    }

    @Test
    void collapsingKeepsOneRecordPerPendingSource() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().collapseFaultsPerSource(true).build());
        t.enableLegacy();
        t.attach(NIC, 1, 48);
        assertTrue(t.translate(NIC, 0x1000, false).eventRecorded());
        assertFalse(t.translate(NIC, 0x2000, false).eventRecorded());
        assertTrue(t.translate(VtdRegisters.sourceId(1, 0, 1), 0x2000, false).eventRecorded());
        assertEquals(1, t.unit.faultsCollapsed());
    }

    @Test
    void frcdIsReadOnlyExceptTheFaultBit() {
        VtdTestBed t = bed(4);
        t.translate(NIC, 0x1000, false);
        int base = t.params.faultRecordingOffsetBytes();
        t.unit.writeq(base, 0);
        t.unit.writel(base + 8, 0);
        assertEquals(0x1000, t.frcd(0).faultInfo());
        assertTrue(t.frcd(0).fault(), "a write to the SID dword does not clear F");
        t.unit.writeq(base + 8, 1L << 63);
        assertFalse(t.frcd(0).fault());
        assertEquals(NIC, t.frcd(0).sourceId(), "clearing F keeps the record's fields");
    }
}
