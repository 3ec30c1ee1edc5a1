package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.kernel.vtd.IntelIommuPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An x86_64 machine with VT-d whose kernel #1 panics while its NIC (01:00.1) is busy and whose
 * kdump kernel dumps through the HBA (01:00.0): before the table copy (091d42e43d21, v4.2) the
 * kdump kernel turns translation off, re-enables it on empty tables and prints DMAR faults for
 * the NIC's stale DMA; from v4.2 it copies the tables, the stale DMA keeps translating into the
 * crashed kernel's pages, nothing faults and the dump is saved.
 */
class VtdKdumpStoryTest {

    static RunResult run(String release) {
        return new Machine(X86Machines.vtd(3, release)).run();
    }

    static RunResult run(String release, IommuDriverPolicy kdumpPolicy, String kdumpCmdline) {
        return new Machine(X86Machines.vtd(3, release, release, kdumpPolicy, kdumpCmdline, 8_000,
                128 * X86Machines.MIB)).run();
    }

    static String log(dev.kdumpsim.kernel.log.LogRecords records) {
        return records.stream().map(LogRecord::line).collect(Collectors.joining("\n"));
    }

    static String head(String s) {
        return s.lines().limit(40).collect(Collectors.joining("\n"));
    }

    @Test
    void aPreCopyKdumpKernelPrintsDmarFaultsForTheStaleDma() {
        RunResult r = run("4.1.0");
        String k = log(r.kdumpLog());
        assertFalse(k.contains("Translation already enabled"), head(k));
        assertTrue(k.contains("DMAR: DRHD: handling fault status reg 2"), head(k));
        assertTrue(k.contains("DMAR: DMAR:[DMA Write] Request device [01:00.1] fault addr "), head(k));
        assertTrue(k.contains("DMAR:[fault reason 01] Present bit in root entry is clear"), head(k));
        assertTrue(r.fates().get(LedgerFate.ABORTED_WITH_EVENT) > 0, r.fates().toString());
        assertEquals(2, r.bypassWindow().size(), "translation was off between the disable and init_dmars");
        assertTrue(r.verdict().dumpSaved(), r.verdict().toString());
    }

    @Test
    void aPostCopyKdumpKernelPrintsNoFaultsAndItsDevicesKeepWorking() {
        RunResult r = run("5.15.0");
        String k = log(r.kdumpLog());
        assertTrue(k.contains("DMAR: Translation already enabled - trying to copy translation structures"), k);
        assertTrue(k.contains("DMAR: Copied translation tables from old kernel for dmar0"), k);
        assertFalse(k.contains("DRHD: handling fault status"), k);
        assertEquals(0, r.fates().get(LedgerFate.ABORTED_WITH_EVENT) + r.fates().get(LedgerFate.ABORTED_SILENT));
        assertTrue(r.bypassWindow().isEmpty(), "translation stays on");
        assertTrue(r.verdict().dumpSaved(), r.verdict().toString());
        assertTrue(r.verdict().dumpTaintedPages() > 0, "the NIC's stale DMA keeps landing in the crashed kernel's pages");
        assertTrue(r.verdict().wedgedDevices().isEmpty());
    }

    @Test
    void eachReleasePrintsItsFaultFormat() {
        String v49 = log(run("4.9.0", IntelIommuPolicy.V4_0, X86Machines.KDUMP_CMDLINE).kdumpLog());
        assertTrue(v49.contains("DMAR: [DMA Write] Request device [01:00.1] fault addr fa"), head(v49));
        assertTrue(v49.contains("[fault reason 01] Present bit in root entry is clear"), head(v49));
        assertTrue(v49.contains("dmar_fault: ") && v49.contains(" callbacks suppressed"), "4.7+ ratelimits: " + head(v49));
        String v510 = log(run("5.10.0", IntelIommuPolicy.V4_0, X86Machines.KDUMP_CMDLINE).kdumpLog());
        assertTrue(v510.contains("] Request device [01:00.1] PASID ffffffff fault addr "), head(v510));
        String v514 = log(run("5.14.0", IntelIommuPolicy.V4_0, X86Machines.KDUMP_CMDLINE).kdumpLog());
        assertTrue(v514.contains(" NO_PASID] Request device [0x01:0x00.1] fault addr 0x"), head(v514));
        String v61 = log(run("6.1.0", IntelIommuPolicy.V4_0, X86Machines.KDUMP_CMDLINE).kdumpLog());
        assertTrue(v61.contains("DMAR: [DMA Write NO_PASID] Request device [01:00.1] fault addr 0xfa"), head(v61));
        assertTrue(v61.contains("[fault reason 0x01] Present bit in root entry is clear"), head(v61));
    }

    @Test
    void intelIommuOffInTheKdumpKernelTurnsTranslationOffAndLeavesDevicesOnDmaDirect() {
        RunResult r = run("5.15.0", null, X86Machines.KDUMP_CMDLINE.replace("intel_iommu=on", "intel_iommu=off"));
        String k = log(r.kdumpLog());
        assertTrue(k.contains("DMAR: IOMMU disabled"), k);
        assertFalse(k.contains("DRHD: handling"), k);
        // the NIC's IOVAs (just below 4 GiB) are used as physical addresses: they land in the PCI hole
        long bypassed = r.fates().get(LedgerFate.BYPASSED_NO_MEMORY);
        long msisOnly = run("5.15.0").fates().get(LedgerFate.BYPASSED_NO_MEMORY);
        assertTrue(bypassed > 10 * msisOnly, bypassed + " vs " + msisOnly);
    }

    @Test
    void iommuPtGivesTheKdumpKernelsDevicesPassThroughContextEntries() {
        RunResult r = run("5.15.0", null, X86Machines.KDUMP_CMDLINE + " iommu=pt");
        assertTrue(r.verdict().dumpSaved(), r.verdict().toString());
        assertFalse(log(r.kdumpLog()).contains("DRHD: handling"));
    }

    @Test
    void theSameSeedGivesTheSameLogsAndFates() {
        for (String release : new String[] {"4.1.0", "5.15.0"}) {
            RunResult a = run(release);
            RunResult b = run(release);
            assertEquals(a.renderLogs(), b.renderLogs(), release);
            assertEquals(a.fates(), b.fates(), release);
        }
    }

    static void balancesOverAThousandSeeds(String release) {
        for (long seed = 1; seed <= 1000; seed++) {
            RunResult r = new Machine(X86Machines.vtd(seed, release, release, null, X86Machines.KDUMP_CMDLINE, 200,
                    4 * X86Machines.MIB)).run();
            assertEquals(r.issued(), r.accounted(), "seed " + seed + " " + release);
        }
    }

    @Test
    void theLedgerBalancesForThePreCopyStoryOverAThousandSeeds() {
        balancesOverAThousandSeeds("4.1.0");
    }

    @Test
    void theLedgerBalancesForThePostCopyStoryOverAThousandSeeds() {
        balancesOverAThousandSeeds("5.15.0");
    }
}
