package dev.kdumpsim.kernel.vtd;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.IommuDriver;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iommu.IommuFaultCounts;
import dev.kdumpsim.kernel.iommu.IommuHardware;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import dev.kdumpsim.pcie.InterruptRequestHandler;
import dev.kdumpsim.vtd.DmarUnit;
import dev.kdumpsim.vtd.FaultReason;
import dev.kdumpsim.vtd.RemappedInterrupt;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The VT-d model (sim-vtd's {@link DmarUnit} "dmar0") registered as a machine's IOMMU, with the
 * intel-iommu driver: DMA through its {@link Iommu} port, MSIs (writes to 0xFEEx_xxxx) through
 * its interrupt remapper ({@link #interruptRequests()}), faults counted by reason.
 */
public final class VtdHardware implements IommuHardware {

    private final DmarUnit unit;
    private final RemappedInterrupt remapped = new RemappedInterrupt();
    private final InterruptRequestHandler interrupts = this::interruptRequest;

    public VtdHardware(VtdConfig config, Simulation sim, PhysicalMemory memory) {
        if (!config.parameters().queuedInvalidation()) {
            throw new IllegalArgumentException("the intel-iommu model needs queuedInvalidation: register-based"
                    + " invalidation is not modelled in the driver");
        }
        // scalableMode needs no refusal: ECAP.SMTS only offers the mode, and the driver uses it when the kernel
        // asks (intel_iommu=sm_on from 5.0, ScalableModeChoice); every kernel can run legacy mode on such a unit
        this.unit = new DmarUnit("dmar0", sim, memory, config.parameters());
    }

    @Override
    public String model() {
        return VtdConfig.MODEL;
    }

    @Override
    public Iommu port() {
        return unit;
    }

    @Override
    public IommuDriver newDriver(KernelContext kernel, IommuDriverPolicy policy, long pageBytes) {
        if (!(policy instanceof IntelIommuPolicy p)) {
            throw new IllegalArgumentException("driver policy " + policy.specName() + " drives " + policy.model()
                    + ", not a VT-d unit");
        }
        if (pageBytes != VtdIoPageTable.PAGE) {
            throw new IllegalArgumentException("x86_64 with VT-d uses 4 KiB pages and IOMMU pages, not " + pageBytes);
        }
        return new IntelIommuDriver(kernel, unit, p);
    }

    @Override
    public InterruptRequestHandler interruptRequests() {
        return interrupts;
    }

    /** An MSI through the unit's interrupt remapper: remapped, passed through (IRE off) or blocked. */
    private Translation interruptRequest(int sourceId, long address, int data, Translation out) {
        RemappedInterrupt r = unit.remapInterrupt(sourceId, address, data, remapped);
        switch (r.outcome()) {
            case REMAPPED: return out.translated(address, 0);
            case PASSED_THROUGH: return out.bypassed(address, 0);
            default: return out.aborted(r.faultReason(), r.faultRecorded(), 0);
        }
    }

    @Override
    public IommuFaultCounts faultCounts() {
        Map<String, Long> byCode = new LinkedHashMap<>();
        long raised = 0;
        for (int code : FaultReason.modelled()) {
            long n = unit.faultCount(code);
            if (n > 0) {
                byCode.put(String.format(Locale.ROOT, "0x%02x", code), n);
                raised += n;
            }
        }
        return new IommuFaultCounts(raised, unit.faultsRecorded(), unit.faultsLostToOverflow(),
                unit.faultsSuppressedByFpd(), unit.faultsCollapsed(), byCode);
    }

    @Override
    public DmarUnit device() {
        return unit;
    }
}
