package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.RTADDR_REG;
import static dev.kdumpsim.vtd.VtdRegisters.RTADDR_TTM_SHIFT;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.vtd.DmarUnit;
import java.util.BitSet;

/**
 * {@code copy_translation_tables} and {@code copy_context_table} of drivers/iommu/intel-iommu.c
 * (091d42e43d21, v4.2; drivers/iommu/intel/iommu.c later), legacy mode: read RTADDR_REG; bail out
 * (-EINVAL) if the old root table's format is not the one this kernel will use ("The RTT bit can
 * only be changed when translation is disabled, but disabling translation means to open a
 * window for data corruption") or its address is 0; then for every bus whose old root entry has
 * a context-table address, a new context table receives each present old context entry with
 * its domain ID reserved in {@code iommu->domain_ids}, PASIDs disabled and bit 67 set
 * ({@code context_set_copied}: "We need a marker for copied context entries"), and the new
 * root entry points at it. The second-level tables the entries point at are not copied: they
 * stay the crashed kernel's.
 *
 * <p>Not modelled: the extended (ECS) format, and the scalable-mode root table the 2022 fix
 * 0c5f6c0d8201 taught this code to copy (this model's driver runs legacy mode only, so an old
 * scalable-mode table is the mismatch bail-out, as after that fix).
 */
final class TranslationTableCopy {

    /** {@code -EINVAL}. */
    static final int EINVAL = 22;
    /** Bit 67 of a context entry (bit 3 of its upper quadword), the copied marker. */
    static final long COPIED_HI = 1L << 3;

    final long[] contextTables = new long[256];
    final BitSet domainIds;
    final boolean[] copied = new boolean[1 << 16];
    private final KernelContext k;
    private final DmarUnit unit;
    private int entries;

    TranslationTableCopy(KernelContext k, DmarUnit unit, BitSet domainIds) {
        this.k = k;
        this.unit = unit;
        this.domainIds = domainIds;
    }

    /** Copies into the new root table at {@code newRoot}; 0, or {@link #EINVAL}. */
    int copy(long newRoot, int ndoms) {
        long rtaddr = unit.readq(RTADDR_REG);
        int oldTtm = (int) ((rtaddr >>> RTADDR_TTM_SHIFT) & 3);
        if (oldTtm != 0) {
            return EINVAL; // new_ext != ext
        }
        long oldRoot = rtaddr & ~0xfffL;
        if (oldRoot == 0) {
            return EINVAL;
        }
        PhysicalMemory mem = k.memory();
        int cpu = k.cpuAgent();
        for (int bus = 0; bus < 256; bus++) {
            long oldCtx = mem.readLong(cpu, oldRoot + 16L * bus) & ~0xfffL; // root_entry_lctp
            if (oldCtx == 0) {
                continue;
            }
            long table = k.pages().allocate(4096, 4096);
            mem.write(cpu, table, new byte[4096]);
            for (int devfn = 0; devfn < 256; devfn++) {
                long lo = mem.readLong(cpu, oldCtx + 16L * devfn);
                long hi = mem.readLong(cpu, oldCtx + 16L * devfn + 8);
                if ((lo & 1) == 0) {
                    continue; // __context_present
                }
                int did = (int) ((hi >>> 8) & 0xffff);
                if (did < ndoms) {
                    domainIds.set(did);
                }
                mem.writeLong(cpu, table + 16L * devfn, lo);
                mem.writeLong(cpu, table + 16L * devfn + 8, hi | COPIED_HI);
                copied[(bus << 8) | devfn] = true;
                entries++;
            }
            contextTables[bus] = table;
            mem.writeLong(cpu, newRoot + 16L * bus, table | 1);
        }
        return 0;
    }

    /** Present context entries copied. */
    int entries() {
        return entries;
    }
}
