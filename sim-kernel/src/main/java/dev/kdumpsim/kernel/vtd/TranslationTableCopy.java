package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.RTADDR_REG;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.vtd.DmarUnit;
import java.util.BitSet;

/**
 * {@code copy_translation_tables} and {@code copy_context_table} of drivers/iommu/intel-iommu.c
 * (091d42e43d21, v4.2; drivers/iommu/intel/iommu.c from 5.8), ported line by line onto simulated
 * memory, in the two forms {@link IntelIommuPolicy.CopyFormat} names:
 *
 * <ul>
 * <li>{@code ECS} (v4.2 to v5.19): {@code ext = RTADDR_REG & DMA_RTADDR_RTT} (bit 11, the VT-d 2.x
 *     extended root table) and {@code new_ext = ecap_ecs} (ECAP bit 24). A copied present entry
 *     gets {@code context_clear_pasid_enable} (lo bit 11) and {@code context_set_copied} (bit 67,
 *     hi bit 3): "We need a marker for copied context entries". A scalable-mode table (TTM 01b
 *     sets bit 10, not 11) reads as ext = 0, so it is copied as if it were legacy: the lower
 *     context table only, 16 bytes at a time, with bit 67 landing in RID_PASID and bit 11 in PDTS.
 *     That is the boot failure 0c5f6c0d8201 fixed.</li>
 * <li>{@code SCALABLE} (0c5f6c0d8201, v6.0, 5.15.69, 5.19.10): {@code ext = RTADDR_REG &
 *     DMA_RTADDR_SMT} (bit 10), {@code new_ext = sm_supported(iommu)}; entries are copied
 *     unchanged and marked in a per-IOMMU bitmap ({@code set_context_copied}).</li>
 * </ul>
 * Both bail out with -EINVAL when ext and new_ext differ ("The RTT bit can only be changed when
 * translation is disabled, but disabling translation means to open a window for data
 * corruption") or the old root table address is 0. With ext, a root entry's lower context table
 * holds devfn 0-127 and its upper one devfn 128-255, 256-bit entries of which the first 128 bits
 * are copied ({@code idx = devfn * 2}). {@code copy_context_table} stores a bus's tables by a
 * {@code pos} that only becomes 1 after a lower table was saved, so a bus whose old root entry
 * has only an upper table gets that table installed as its lower one and no upper one: Desnes
 * Nunes, "[PATCH v2] iommu/vt-d: Fix UCTP context table slot when copying root entries",
 * &lt;20260629144837.3244851-1-desnesn@redhat.com&gt; (June 2026, under review; its
 * {@code tbl_slot} is {@link IntelIommuPolicy#uctpSlotFix()}).
 *
 * <p>The second-level (and PASID) tables the entries point at are not copied: they stay the
 * crashed kernel's. Not modelled: {@code pr_err("%s: Failed to copy context table for bus %d")},
 * which needs a memremap or allocation failure.
 */
final class TranslationTableCopy {

    /** {@code -EINVAL}. */
    static final int EINVAL = 22;
    /** {@code DMA_RTADDR_RTT}: bit 11 of RTADDR_REG. */
    static final long RTADDR_RTT = 1L << 11;
    /** {@code DMA_RTADDR_SMT}: bit 10 of RTADDR_REG (TTM 01b). */
    static final long RTADDR_SMT = 1L << 10;
    /** {@code ecap_ecs}: ECAP bit 24, extended context support (VT-d 2.x; no modelled unit has it). */
    static final long ECAP_ECS = 1L << 24;
    /** Bit 67 of a context entry (bit 3 of its upper quadword), {@code context_set_copied} up to v5.19. */
    static final long COPIED_HI = 1L << 3;
    /** Bit 11 of a context entry, {@code context_clear_pasid_enable} up to v5.19. */
    static final long PASID_ENABLE_LO = 1L << 11;

    final BitSet domainIds;
    /** {@code iommu->copied_tables} (SCALABLE form); the ECS form marks the entries instead. */
    final BitSet copiedBitmap = new BitSet(1 << 16);
    /** Every source-id whose entry was copied, either form: the driver defers their attach. */
    final BitSet copiedSids = new BitSet(1 << 16);
    private final KernelContext k;
    private final DmarUnit unit;
    private final IntelIommuPolicy policy;
    private final PhysicalMemory mem;
    private final int cpu;
    private int entries;

    TranslationTableCopy(KernelContext k, DmarUnit unit, IntelIommuPolicy policy, BitSet domainIds) {
        this.k = k;
        this.unit = unit;
        this.policy = policy;
        this.domainIds = domainIds;
        this.mem = k.memory();
        this.cpu = k.cpuAgent();
    }

    /**
     * {@code copy_translation_tables}: copies into the new root table at {@code newRoot}.
     *
     * @param scalable {@code sm_supported(iommu)}: this kernel will program scalable mode
     * @param ecap the unit's ECAP_REG
     * @return 0, or {@link #EINVAL}
     */
    int copy(long newRoot, int ndoms, boolean scalable, long ecap) {
        long rtaddr = unit.readq(RTADDR_REG);
        boolean ext;
        boolean newExt;
        if (policy.copyFormat() == IntelIommuPolicy.CopyFormat.ECS) {
            ext = (rtaddr & RTADDR_RTT) != 0;
            newExt = (ecap & ECAP_ECS) != 0;
        } else {
            ext = (rtaddr & RTADDR_SMT) != 0;
            newExt = scalable;
        }
        if (newExt != ext) {
            return EINVAL;
        }
        long oldRoot = rtaddr & ~0xfffL;
        if (oldRoot == 0) {
            return EINVAL;
        }
        long[] tbls = new long[ext ? 512 : 256];
        for (int bus = 0; bus < 256; bus++) {
            copyContextTable(oldRoot + 16L * bus, tbls, bus, ext, ndoms);
        }
        // "Context tables are copied, now write them to the root_entry table"
        for (int bus = 0; bus < 256; bus++) {
            int idx = ext ? bus * 2 : bus;
            if (tbls[idx] != 0) {
                mem.writeLong(cpu, newRoot + 16L * bus, tbls[idx] | 1);
            }
            if (!ext || tbls[idx + 1] == 0) {
                continue;
            }
            mem.writeLong(cpu, newRoot + 16L * bus + 8, tbls[idx + 1] | 1);
        }
        return 0;
    }

    /** {@code copy_context_table} for one bus; the old root entry is read once ({@code memcpy(&re, old_re)}). */
    private void copyContextTable(long oldRootEntry, long[] tbl, int bus, boolean ext, int ndoms) {
        long reLo = mem.readLong(cpu, oldRootEntry);
        long reHi = mem.readLong(cpu, oldRootEntry + 8);
        int tblIdx = ext ? bus * 2 : bus;
        int pos = 0;
        int tblSlot = 0;
        long newCe = 0;
        long oldCe = 0;
        for (int devfn = 0; devfn < 256; devfn++) {
            int idx = (ext ? devfn * 2 : devfn) % 256;
            if (idx == 0) {
                if (newCe != 0) { // "First save what we may have and clean up"
                    if (policy.uctpSlotFix()) {
                        tbl[tblIdx + tblSlot] = newCe;
                    } else {
                        tbl[tblIdx] = newCe;
                        pos = 1;
                    }
                }
                long phys = devfn < 0x80 ? tablePointer(reLo) : tablePointer(reHi); // root_entry_lctp/uctp
                if (phys == 0) {
                    if (ext && devfn == 0) {
                        devfn = 0x7f; // "No LCTP, try UCTP"
                        continue;
                    }
                    return;
                }
                tblSlot = ext && devfn >= 0x80 ? 1 : 0;
                oldCe = phys;
                newCe = k.pages().allocate(4096, 4096);
                mem.write(cpu, newCe, new byte[4096]);
            }
            long lo = mem.readLong(cpu, oldCe + 16L * idx);
            long hi = mem.readLong(cpu, oldCe + 16L * idx + 8);
            if ((lo & 1) == 0) {
                continue; // __context_present / context_present
            }
            int did = (int) ((hi >>> 8) & 0xffff); // context_domain_id
            if (did < ndoms) {
                domainIds.set(did);
            }
            if (policy.copyFormat() == IntelIommuPolicy.CopyFormat.ECS) {
                lo &= ~PASID_ENABLE_LO;
                hi |= COPIED_HI;
            } else {
                copiedBitmap.set((bus << 8) | devfn);
            }
            copiedSids.set((bus << 8) | devfn);
            mem.writeLong(cpu, newCe + 16L * idx, lo);
            mem.writeLong(cpu, newCe + 16L * idx + 8, hi);
            entries++;
        }
        tbl[tblIdx + (policy.uctpSlotFix() ? tblSlot : pos)] = newCe;
    }

    /** {@code root_entry_lctp} / {@code root_entry_uctp}: the table address if the half's present bit is set. */
    private static long tablePointer(long half) {
        return (half & 1) == 0 ? 0 : half & ~0xfffL;
    }

    /** Present context entries copied. */
    int entries() {
        return entries;
    }
}
