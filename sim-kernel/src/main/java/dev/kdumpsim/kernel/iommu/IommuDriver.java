package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.kernel.iova.IovaAllocator;
import java.util.function.Consumer;

/**
 * One kernel's driver for one IOMMU model: the seam between Linux's IOMMU core and DMA API
 * (sim-kernel's KernelInstance, DmaDomain, device drivers) and a model's hardware. It programs
 * the hardware only through its registers and simulated memory.
 *
 * <p>The calls follow drivers/iommu/iommu.c: the driver probes (and resets the hardware, per its
 * policy and kernel version), the core adds each device ({@code probe_device}), creates each
 * group's default DMA domain ({@code domain_alloc} + io-pgtable) and attaches it
 * ({@code attach_dev}) unless the driver defers the attach ({@code is_attach_deferred}).
 */
public interface IommuDriver {

    /** The driver's name as the driver core prints it ({@code arm-smmu-v3}, {@code DMAR}). */
    String name();

    /** The policy this driver runs. */
    IommuDriverPolicy policy();

    /** Runs the probe and reset sequence; {@code done} gets true on success, once, when it finishes. */
    void probe(Consumer<Boolean> done);

    /** The probe finished successfully. */
    boolean probed();

    /** The probe finished with an error. */
    boolean probeFailed();

    /** The IOMMU translates for this kernel's devices (probed, not failed). */
    default boolean usable() {
        return probed() && !probeFailed();
    }

    /**
     * {@code probe_device}: makes the stream known to the hardware (bypass or abort until
     * attached); {@code devName} is the device's dev_name, for the driver's fault lines.
     */
    void addDevice(int streamId, String devName);

    /** {@code is_attach_deferred}: the core leaves this stream's translation as it found it. */
    boolean isAttachDeferred(int streamId);

    /**
     * {@code domain_alloc} for a DMA domain: the model's page table and per-domain context, with
     * {@code iova} as its IOVA space. Allocates from the kernel's pages.
     */
    DmaDomain newDmaDomain(String name, IovaAllocator iova, long granuleBytes);

    /**
     * {@code attach_dev}: points the stream at {@code domain}; {@code then} runs once the hardware
     * took it. A null domain is the identity (pass-through) domain of {@link #passThrough()}.
     */
    void attach(int streamId, DmaDomain domain, Runnable then);

    /**
     * The default domain is an identity domain ({@code iommu=pt}): devices use dma-direct (IOVA =
     * PA) and the hardware passes their DMA through; the core gives them no DMA domain.
     */
    default boolean passThrough() {
        return false;
    }

    /** The kernel stopped (panic): its CPUs take no more interrupts, its fault thread is dead. */
    void kernelStopped();

    /** The driver's {@code .shutdown} on an orderly kexec ({@code device_shutdown}). */
    void shutdown();

    /** The IOVA ranges every DMA domain of this driver reserves ({@code get_resv_regions}), as (base, size) pairs. */
    default long[] reservedIovaRegions() {
        return new long[0];
    }

    /** What the driver did, for the report. */
    IommuDriverSummary summary();
}
