package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.VersionTable;
import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Arch;
import dev.kdumpsim.scenarios.model.IommuModel;
import dev.kdumpsim.scenarios.model.IovaGranule;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.model.Platform;
import dev.kdumpsim.scenarios.model.Ras;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.value.HexValue;
import java.util.List;

/**
 * The switch points agree with each other: {@code platform.arch} with {@code platform.iommu.model}
 * (arm64 has an SMMUv3, x86_64 a VT-d unit), {@code platform.ras} with the architecture, VT-d
 * parameters only on a VT-d unit (their values: {@link IommuUnitChecks}), each kernel's
 * {@code version} a release the version table covers, its driver policy one of the platform's
 * IOMMU, and the {@code iommuDriver} / {@code smmuDriver} alias given once.
 */
final class SwitchPointChecks {

    private final Locations at;

    SwitchPointChecks(Locations at) {
        this.at = at;
    }

    void check(Scenario s) throws ScenarioException {
        Platform p = s.platform();
        Arch arch = p.effectiveArch();
        IommuModel model = p.iommuModel();
        if (arch == Arch.ARM64 && model != IommuModel.SMMUV3 || arch == Arch.X86_64 && model != IommuModel.VT_D) {
            Object where = p.iommu().isPresent() ? p.iommu().get() : p;
            throw at.error(where, p.iommu().isPresent() ? "model" : "arch", "platform.arch " + arch.specName() + " has no "
                    + model.specName() + " IOMMU in the model (arm64 has an SMMUv3, x86_64 an Intel VT-d unit)",
                    arch == Arch.X86_64 ? "write iommu: {model: vt-d}" : "remove iommu (smmuv3 is arm64's) or write arch: x86_64");
        }
        if (p.ras().isPresent()) {
            ras(p.ras().get(), arch);
        }
        if (p.iommu().isPresent() && p.iommu().get().vtd().isPresent() && model != IommuModel.VT_D) {
            throw at.error(p.iommu().get(), "vtd", "VT-d parameters on a " + model.specName() + " IOMMU", "remove vtd or write model: vt-d");
        }
        if (p.iommu().isPresent() && p.iommu().get().vtd().isPresent()) {
            new IommuUnitChecks(at).vtd(p.iommu().get().vtd().get());
        }
        for (Kernel k : List.of(s.kernels().first(), s.kernels().kdump())) {
            if (k.version().isPresent()) {
                release(k);
            }
            if (k.iommuDriver().isPresent() && !k.iommuDriver().get().model().equals(model.specName())) {
                throw at.error(k, "iommuDriver", "driver policy " + k.iommuDriver().get() + " drives a " + k.iommuDriver().get().model()
                        + ", but the platform's IOMMU is " + model.specName(), "name a policy of the platform's IOMMU ("
                        + (model == IommuModel.VT_D ? "intel-iommu@..." : "arm-smmu-v3@...") + ")");
            }
            if (model == IommuModel.VT_D && at.written(k, "smmuDriver")) {
                throw at.error(k, "smmuDriver", "smmuDriver names an arm-smmu-v3 policy, but the platform's IOMMU is vt-d",
                        "write iommuDriver: intel-iommu@4.2 (or leave it out: the kernel's release decides)");
            }
            if (model == IommuModel.VT_D && k.iovaGranule() != IovaGranule.G4K) {
                throw at.error(k, "iovaGranule", "VT-d second-level tables map 4 KiB pages", "remove iovaGranule (4KiB)");
            }
            if (k.iommuDriver().isPresent() && at.written(k, "smmuDriver")) {
                throw at.error(k, "iommuDriver", "both iommuDriver and smmuDriver are given",
                        "smmuDriver is the older name of iommuDriver: keep one");
            }
        }
    }

    /** platform.ras: an SError is arm64's; its ESR is a 32-bit value with EC 0x2f (ARM DDI 0487, ESR_ELx.EC "SError interrupt"). */
    private void ras(Ras r, Arch arch) throws ScenarioException {
        if (r.abortedDmaSError() && arch != Arch.ARM64) {
            throw at.error(r, "abortedDmaSError", "an SError is an arm64 exception; " + arch.specName() + " has none in the model",
                    "remove abortedDmaSError or use arch: arm64");
        }
        if (r.serrorEsr().isPresent()) {
            HexValue esr = r.serrorEsr().get();
            if (!esr.fits(32) || (esr.value() >>> 26) != 0x2f) {
                throw at.error(r, "serrorEsr", "ESR_EL1 of an SError is 32 bits with EC (bits 31:26) 0x2f, got " + esr,
                        "0xbf000000 (EC 0x2f, IL, IDS)");
            }
        }
    }

    /**
     * {@code kernels.*.version}: a release as uname -r prints it, inside the range the version
     * table covers (docs/kernel-versions.md); otherwise a located error naming the nearest one.
     */
    private void release(Kernel k) throws ScenarioException {
        String text = k.version().get();
        KernelRelease r;
        try {
            r = KernelRelease.parse(text);
        } catch (IllegalArgumentException e) {
            throw at.error(k, "version", e.getMessage(), "write the release uname -r prints, e.g. 4.19.50 or 5.7.0-rc3+");
        }
        if (!VersionTable.covers(r)) {
            KernelRelease nearest = r.compareTo(VersionTable.OLDEST) < 0 ? VersionTable.OLDEST : VersionTable.NEWEST;
            throw at.error(k, "version", "kernel " + text + " is outside the releases the model knows ("
                    + VersionTable.OLDEST.shortName() + " to " + VersionTable.NEWEST.shortName() + ")",
                    "the nearest known release is " + nearest.shortName() + "; docs/kernel-versions.md lists what each release changes");
        }
    }
}
