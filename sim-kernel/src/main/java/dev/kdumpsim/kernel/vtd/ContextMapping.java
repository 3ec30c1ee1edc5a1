package dev.kdumpsim.kernel.vtd;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.vtd.ContextEntry;
import dev.kdumpsim.vtd.InvalidationDescriptor;
import dev.kdumpsim.vtd.PasidEntry;
import dev.kdumpsim.vtd.ScalableContextEntry;
import java.util.BitSet;

/**
 * {@code iommu_context_addr} and {@code domain_context_mapping_one} of drivers/iommu/intel/iommu.c
 * on one root table, legacy or scalable mode ({@code sm_supported}).
 *
 * <p>{@code iommu_context_addr} reads the root entry from memory (so stray DMA into the root table
 * is seen): in scalable mode devfn 128-255 use the upper half and every devfn two 128-bit slots;
 * a missing context table is allocated zeroed and hooked in. {@code domain_context_mapping_one}:
 * a present entry that is not a copy is kept ("context already present"); otherwise a copied
 * entry's old domain is invalidated (device context cache, domain IOTLB) and the entry replaced.
 * Whether an entry is a copy is the policy's ({@link IntelIommuPolicy.CopyFormat}): bit 67 of the
 * entry, with {@code context_present} true for a copied entry whose PASID-enable bit (11) is set,
 * up to v5.19; the copy bitmap from 0c5f6c0d8201. In scalable mode the device first gets a PASID
 * table whose RID_PASID entry holds the domain ({@link PasidTables}); the context entry points at
 * its directory with RID_PASID 0. First-level tables are never used: the modelled unit has no
 * ECAP.FLTS, so the driver's DMA domains are second-level ones in every release.
 */
final class ContextMapping {

    private final KernelContext k;
    private final PhysicalMemory mem;
    private final int cpu;
    private final DmarRegisterOps regs;
    private final IntelIommuPolicy policy;
    private final boolean scalable;
    private final long root;
    private BitSet copiedBitmap = new BitSet();

    ContextMapping(KernelContext k, DmarRegisterOps regs, IntelIommuPolicy policy, boolean scalable, long root) {
        this.k = k;
        this.mem = k.memory();
        this.cpu = k.cpuAgent();
        this.regs = regs;
        this.policy = policy;
        this.scalable = scalable;
        this.root = root;
    }

    /** The copy's bitmap ({@code iommu->copied_tables}), for the SCALABLE copy format. */
    void copied(BitSet bitmap) {
        this.copiedBitmap = bitmap;
    }

    /** {@code iommu_context_addr(iommu, bus, devfn, 1)}: the address of the 128-bit context entry. */
    long contextAddr(int bus, int devfn) {
        long entry = root + 16L * bus;
        int index = devfn;
        if (scalable) {
            if (devfn >= 0x80) {
                devfn -= 0x80;
                entry += 8;
            }
            index = devfn * 2;
        }
        long e = mem.readLong(cpu, entry);
        if ((e & 1) != 0) {
            return (e & ~0xfffL) + 16L * index;
        }
        long t = k.pages().allocate(4096, 4096);
        mem.write(cpu, t, new byte[4096]);
        mem.writeLong(cpu, entry, t | 1);
        if (!scalable) {
            mem.writeLong(cpu, entry + 8, 0); // the legacy root entry's reserved half, zero already
        }
        return t + 16L * index;
    }

    /**
     * {@code domain_context_mapping_one} for {@code sid}; {@code slpt} 0 is the identity
     * (pass-through) domain. Runs {@code then} once the entry is in place.
     */
    void map(int sid, long slpt, int agawBits, int did, Runnable then) {
        long a = contextAddr(sid >>> 8, sid & 0xff);
        long lo = mem.readLong(cpu, a);
        long hi = mem.readLong(cpu, a + 8);
        boolean copied = policy.copyFormat() == IntelIommuPolicy.CopyFormat.SCALABLE
                ? copiedBitmap.get(sid) : (hi & TranslationTableCopy.COPIED_HI) != 0;
        boolean present = policy.copyFormat() == IntelIommuPolicy.CopyFormat.ECS
                && (lo & TranslationTableCopy.PASID_ENABLE_LO) != 0 ? (lo & 1) != 0 : (lo & 1) != 0 && !copied;
        if (present) {
            then.run(); // "context already present"
            return;
        }
        if (!copied) {
            write(a, slpt, agawBits, did);
            then.run(); // not-present to present needs no invalidation (CAP.CM = 0)
            return;
        }
        // a copied entry: clear it and flush the old domain before installing ours
        int oldDid = (int) ((hi >>> 8) & 0xffff);
        copiedBitmap.clear(sid); // clear_context_copied
        mem.writeLong(cpu, a, 0);
        mem.writeLong(cpu, a + 8, 0);
        regs.submitSync(() -> {
            write(a, slpt, agawBits, did);
            then.run();
        }, InvalidationDescriptor.contextDevice(oldDid, sid, 0), InvalidationDescriptor.iotlbDomain(oldDid));
    }

    private void write(long a, long slpt, int agawBits, int did) {
        if (!scalable) {
            ContextEntry e = slpt == 0 ? ContextEntry.passThrough(agawBits, did)
                    : ContextEntry.secondLevel(slpt, agawBits, did);
            mem.writeLong(cpu, a, e.lo());
            mem.writeLong(cpu, a + 8, e.hi());
            return;
        }
        PasidEntry p = slpt == 0 ? PasidEntry.passThrough(agawBits, did) : PasidEntry.secondLevel(slpt, agawBits, did);
        long dir = PasidTables.setUpRidPasid(k, p);
        ScalableContextEntry e = ScalableContextEntry.forRidPasid(dir, PasidTables.PDTS, 0);
        mem.writeLong(cpu, a, e.qw0()); // context_entry_set_pasid_table: the low 128 bits only
        mem.writeLong(cpu, a + 8, e.qw1());
    }
}
