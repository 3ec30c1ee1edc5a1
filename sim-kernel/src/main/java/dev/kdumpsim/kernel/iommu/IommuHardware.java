package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.kernel.KernelContext;

/**
 * One IOMMU model's hardware as the machine holds it: the {@link Iommu} port the root complex
 * asks for every DMA, a driver for each kernel that boots on the machine, and the hardware's own
 * fault accounting. Built by {@link IommuModels} from an {@link IommuConfig}.
 */
public interface IommuHardware {

    /** {@code platform.iommu.model}: {@code smmuv3}, {@code vt-d}. */
    String model();

    /** The translation port the root complex calls. */
    Iommu port();

    /**
     * The driver a kernel runs for this hardware under {@code policy} (a policy of this model);
     * {@code pageBytes} is the kernel's PAGE_SIZE.
     */
    IommuDriver newDriver(KernelContext kernel, IommuDriverPolicy policy, long pageBytes);

    /**
     * Where the root complex sends writes to the interrupt address range (x86 MSIs), or null when
     * they are ordinary DMA through {@link #port()} (arm64's ITS doorbell).
     */
    default dev.kdumpsim.pcie.InterruptRequestHandler interruptRequests() {
        return null;
    }

    /** Faults over the whole run. */
    IommuFaultCounts faultCounts();

    /** The hardware object itself (for explain and tests), e.g. an {@code SmmuV3}. */
    Object device();
}
