package dev.kdumpsim.vtd;

/**
 * The unit's caches and the invalidations that alone change them (VT-d 6.2 context-cache,
 * PASID-cache and IOTLB; the interrupt entry cache of 5.1; 6.5 invalidation): nothing here ever
 * re-reads memory, so software that edits a context entry, PASID entry, page table or IRTE without
 * the matching invalidation keeps getting the old result, and stray DMA that overwrites a cached
 * entry has no effect until an invalidation drops it.
 *
 * <p>The PASID-cache is folded into the context cache (an entry holds the decoded context entry
 * and, in scalable mode, the RID_PASID PASID entry). A PASID-cache invalidation drops the entries
 * of its domain (or of the whole unit), and a PASID-based IOTLB invalidation drops the domain's
 * IOTLB entries: more than the spec requires, which it permits ("hardware may invalidate more").
 */
final class TranslationCaches {

    final EntryCache context = new EntryCache();
    final EntryCache interruptEntries = new EntryCache();
    final Iotlb iotlb;
    long contextInvalidations;
    long iotlbInvalidations;
    long interruptEntryInvalidations;

    TranslationCaches(int iotlbEntries) {
        this.iotlb = new Iotlb(iotlbEntries);
    }

    /** Context-cache invalidation with granularity CC_GLOBAL/DOMAIN/DEVICE (6.5.1.1, 6.5.2.1); false if G is reserved. */
    boolean invalidateContext(int granularity, int did, int sid, int fm) {
        contextInvalidations++;
        switch (granularity) {
            case VtdRegisters.CC_GLOBAL:
                context.invalidateAll();
                return true;
            case VtdRegisters.CC_DOMAIN:
                context.invalidateWhereB(DeviceContext.B_DID_MASK, did & 0xffff);
                return true;
            case VtdRegisters.CC_DEVICE:
                // FM masks 0..3 low bits of the function number (10.4.7 CCMD.FM)
                int ignore = fm == 0 ? 0 : (fm == 1 ? 4 : (fm == 2 ? 6 : 7));
                context.invalidateMatching(sid & 0xffff, 0xffff & ~ignore);
                return true;
            default:
                return false;
        }
    }

    /** PASID-cache invalidation (6.5.2.2): granularity 0 domain, 1 PASID-selective within a domain, 3 global. */
    boolean invalidatePasidCache(int granularity, int did, int pasid) {
        contextInvalidations++;
        switch (granularity) {
            case 0:
                context.invalidateWhereB(DeviceContext.B_DID_MASK, did & 0xffff);
                return true;
            case 1:
                context.invalidateWhereB(DeviceContext.B_DID_MASK | (0xfffffL << DeviceContext.B_PASID_SHIFT),
                        (did & 0xffffL) | ((pasid & 0xfffffL) << DeviceContext.B_PASID_SHIFT));
                return true;
            case 3:
                context.invalidateAll();
                return true;
            default:
                return false;
        }
    }

    /** IOTLB invalidation (6.5.1.2, 6.5.2.3): IOTLB_GLOBAL/DOMAIN/PAGE; false if the granularity is reserved. */
    boolean invalidateIotlb(int granularity, int did, long address, int am) {
        iotlbInvalidations++;
        switch (granularity) {
            case VtdRegisters.IOTLB_GLOBAL:
                iotlb.invalidateAll();
                return true;
            case VtdRegisters.IOTLB_DOMAIN:
                iotlb.invalidateDomain(did, false, 0, 0);
                return true;
            case VtdRegisters.IOTLB_PAGE:
                iotlb.invalidateDomain(did, true, address, am);
                return true;
            default:
                return false;
        }
    }

    /** Interrupt entry cache invalidation (6.5.2.7): global, or 2^im entries from index. */
    void invalidateInterruptEntries(boolean global, int index, int im) {
        interruptEntryInvalidations++;
        if (global) {
            interruptEntries.invalidateAll();
            return;
        }
        int first = index & ~((1 << im) - 1);
        for (int i = 0; i < (1 << im); i++) {
            interruptEntries.invalidate((first + i) & 0xffff);
        }
    }

    void invalidateAllTranslations() {
        context.invalidateAll();
        iotlb.invalidateAll();
    }
}
