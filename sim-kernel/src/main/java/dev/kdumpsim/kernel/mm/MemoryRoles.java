package dev.kdumpsim.kernel.mm;

/**
 * Role strings of {@link dev.kdumpsim.core.MemoryRegion}s that the verdict classifies by. The
 * innermost region at an address decides, so a live kdump allocation nested in the crashkernel
 * region wins over the region itself.
 */
public final class MemoryRoles {

    /** Kernel #1's RAM: what /proc/vmcore exports (a post-crash write taints the dump). */
    public static final String KERNEL1 = "kernel1-memory";
    /** Crashkernel memory the kdump kernel has not (yet) allocated. */
    public static final String FREE_KDUMP = "free-kdump-memory";
    /** Crashkernel memory holding the kdump kernel's image, initramfs or allocations. */
    public static final String LIVE_KDUMP = "live-kdump-data";

    private MemoryRoles() {
    }
}
