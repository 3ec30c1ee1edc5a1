package dev.kdumpsim.kernel.arch;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.mm.CrashkernelReservation;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.version.KernelVersion;

/**
 * What differs between CPU architectures in the story: where {@code crashkernel=} is placed
 * ({@code reserve_crashkernel} of arch/&lt;arch&gt;/mm), where MSIs go (the interrupt
 * controller's doorbell, which every driver maps through the IOMMU), and the lines the crash path
 * ({@code machine_crash_shutdown}, {@code machine_kexec}) prints. One implementation per
 * architecture, found by name in {@link Arches}.
 */
@KernelApi
public interface Arch {

    /** {@code platform.arch}: {@code arm64}, {@code x86_64}. */
    String name();

    /**
     * {@code reserve_crashkernel()}: parses the command line's {@code crashkernel=} and reserves
     * the region in {@code memblock}, printing what the architecture prints (null log: silent).
     */
    CrashkernelReservation reserveCrashkernel(Memblock memblock, String cmdline, KernelVersion version, KernelLog log);

    /** Physical address an endpoint's MSI write targets (the interrupt controller's doorbell). */
    long msiDoorbellPa();

    /**
     * Whether a driver maps the MSI doorbell through its DMA domain (arm64: the ITS doorbell is an
     * ordinary write, {@code iommu_dma_map_msi_msg}); false when the doorbell is an interrupt
     * address range the IOMMU does not DMA-remap (x86: 0xFEEx_xxxx).
     */
    default boolean msiMappedThroughIommu() {
        return true;
    }

    /** {@code machine_crash_shutdown()} on the panicking CPU: other CPUs stopped, no device shutdown. */
    void crashShutdown(KernelLog log);

    /** {@code machine_kexec()}: the last line before the jump to purgatory. */
    void machineKexec(KernelLog log);

    /**
     * The CPU takes an asynchronous external error (an arm64 SError) with syndrome {@code esr}:
     * prints what the architecture's handler prints before it panics and returns the panic
     * message, or returns null when the architecture has no such exception (the platform then
     * cannot signal aborted DMA this way).
     */
    default String asynchronousErrorPanic(dev.kdumpsim.kernel.log.ConsolePrinter out, int esr) {
        return null;
    }
}
