package dev.kdumpsim.kernel.mm;

/**
 * A parsed {@code crashkernel=} option.
 *
 * @param size  bytes to reserve; 0 when a range list matched no range ("crashkernel size
 *              resulted in zero bytes": nothing is reserved)
 * @param base  requested base ({@code @offset}), 0 = let the architecture place it
 * @param kind  plain, {@code ,high} or {@code ,low}
 * @param text  the option value as written (after {@code crashkernel=})
 */
record CrashkernelSpec(long size, long base, Kind kind, String text) {

    /** Which of kernel/crash_core.c's {@code suffix_tbl} entries the option carries. */
    public enum Kind { PLAIN, HIGH, LOW }

    public boolean hasFixedBase() {
        return base != 0;
    }
}
