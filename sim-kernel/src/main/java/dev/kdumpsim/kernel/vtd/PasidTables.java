package dev.kdumpsim.kernel.vtd;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.vtd.PasidEntry;

/**
 * The per-device PASID table of drivers/iommu/intel/pasid.c in scalable mode, for requests
 * without PASID only: {@code intel_pasid_alloc_table} (a zeroed PASID directory), {@code
 * intel_pasid_get_entry} (the 64-entry leaf table of PASID 0, hooked into directory entry 0 with
 * only the present bit) and {@code intel_pasid_setup_second_level} / {@code
 * intel_pasid_setup_pass_through} for {@code PASID_RID2PASID} (0). With CAP.CM = 0 a not-present
 * to present change needs no PASID-cache invalidation ({@code pasid_flush_caches}).
 *
 * <p>The directory is one page, PDTS 2 (512 entries): {@code intel_pasid_alloc_table} of 6.x
 * sizes it from ECAP.PSS, which is 0 on a unit without PASID support. 5.x sized it for
 * {@code intel_pasid_max_id} (2^20 PASIDs: 32 pages, PDTS 7); the model uses one page for every
 * release (only PASID 0 is used either way).
 */
final class PasidTables {

    /** PDTS of a one-page directory: 2^(2+7) = 512 eight-byte entries. */
    static final int PDTS = 2;

    private PasidTables() {
    }

    /** Allocates the directory and PASID 0's table, writes PASID 0's entry; returns the directory's address. */
    static long setUpRidPasid(KernelContext k, PasidEntry entry) {
        PhysicalMemory mem = k.memory();
        int cpu = k.cpuAgent();
        long dir = k.pages().allocate(4096, 4096);
        mem.write(cpu, dir, new byte[4096]);
        long table = k.pages().allocate(4096, 4096);
        mem.write(cpu, table, new byte[4096]);
        PasidEntry.writeDirectoryEntry(mem, cpu, dir, 0, table, false);
        entry.writeTo(mem, cpu, table, 0);
        return dir;
    }
}
