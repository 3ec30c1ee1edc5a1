package dev.kdumpsim.smmuv3;

/**
 * VMSAv8-64 translation granules this model walks (Arm ARM D8.2; IHI0070 §5.4 TG0): 4 KiB
 * (9 bits per level, levels 0-3) and 64 KiB (13 bits per level, levels 1-3).
 */
public enum TranslationGranule {
    GRANULE_4K(12, ContextDescriptor.TG0_4K),
    GRANULE_64K(16, ContextDescriptor.TG0_64K);

    private final int pageShift;
    private final int tg0;

    TranslationGranule(int pageShift, int tg0) {
        this.pageShift = pageShift;
        this.tg0 = tg0;
    }

    public int pageShift() {
        return pageShift;
    }

    public long pageSize() {
        return 1L << pageShift;
    }

    /** Address bits resolved per level (the table holds 2^bitsPerLevel 8-byte descriptors). */
    public int bitsPerLevel() {
        return pageShift - 3;
    }

    /** CD.TG0 encoding. */
    public int tg0() {
        return tg0;
    }

    /** First lookup level for an input region of {@code inputBits} bits (Arm ARM "initial lookup level"). */
    public int startLevel(int inputBits) {
        int levels = (inputBits - pageShift + bitsPerLevel() - 1) / bitsPerLevel();
        return 4 - levels;
    }

    /** Lowest bit of the address range resolved at {@code level}. */
    public int levelShift(int level) {
        return pageShift + (3 - level) * bitsPerLevel();
    }

    /** Whether a block descriptor is allowed at {@code level} (4K: 1 and 2; 64K: 2). */
    public boolean blockAllowed(int level) {
        return this == GRANULE_4K ? level == 1 || level == 2 : level == 2;
    }

    /** The granule of a CD.TG0 value, or null if this model does not support it (16K, reserved). */
    public static TranslationGranule ofTg0(int tg0) {
        switch (tg0) {
            case ContextDescriptor.TG0_4K: return GRANULE_4K;
            case ContextDescriptor.TG0_64K: return GRANULE_64K;
            default: return null;
        }
    }
}
