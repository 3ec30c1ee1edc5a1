package dev.kdumpsim.kernel.version;

/** x86_64 {@code reserve_crashkernel()}'s placement rule (arch/x86/kernel/setup.c, later kernel/crash_core.c). */
public enum X86CrashkernelPlacement {
    /**
     * Up to v5.1: {@code memblock_find_in_range(CRASH_ALIGN, high ? CRASH_ADDR_HIGH_MAX :
     * CRASH_ADDR_LOW_MAX, size, CRASH_ALIGN)} with {@code CRASH_ADDR_LOW_MAX = 896 MiB} ("old
     * kexec-tools need to under 896MiB"), no fall-back; prints "Reserving %ldMB of memory at %ldMB
     * for crashkernel (System RAM: %ldMB)".
     */
    V4_0_BELOW_896M,
    /**
     * v5.2 (9ca5c8e632ce, b9ac3849af41): {@code CRASH_ADDR_LOW_MAX = SZ_4G}; {@code crashkernel=X}
     * tries below 4 GiB first and falls back to {@code CRASH_ADDR_HIGH_MAX}; same lines.
     */
    V5_2_BELOW_4G_FALLBACK,
    /**
     * v6.6 (9c08a2a139fe): the generic {@code reserve_crashkernel_generic()}; same search, but
     * prints "crashkernel reserved: 0x%016llx - 0x%016llx (%lld MB)".
     */
    V6_6_GENERIC
}
