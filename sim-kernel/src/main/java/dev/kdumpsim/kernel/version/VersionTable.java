package dev.kdumpsim.kernel.version;

import dev.kdumpsim.kernel.api.KernelApi;
import static dev.kdumpsim.kernel.version.Behaviours.*;

import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.pcie.SbrWaitPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Every version-dependent behaviour of the model, as data: each row says from which mainline
 * release (and which stable backports) a behaviour has a value, and which commit made it so.
 * Drivers ask {@link #at(Behaviour, KernelRelease)}; they never compare version numbers. The
 * table is rendered in docs/kernel-versions.md.
 */
@KernelApi
public final class VersionTable {

    /** The oldest release the table covers: every behaviour's {@link Behaviour#baseline()}. */
    public static final KernelRelease OLDEST = KernelRelease.of(4, 0, 0);
    /** The newest mainline release the table was checked against. */
    public static final KernelRelease NEWEST = KernelRelease.of(6, 18, 0);

    private static final List<Change> ROWS = new ArrayList<>();

    static {
        // ---- arm-smmu-v3 (drivers/iommu/arm-smmu-v3.c; drivers/iommu/arm/arm-smmu-v3/ from 5.9) ----
        row(SMMU_KDUMP_RESET, "arm-smmu-v3@4.19", "4.19", "b63b3439b856",
                "iommu/arm-smmu-v3: Abort all transactions if SMMU is enabled in kdump kernel");
        // Zhen Lei's patch of the iommu-updates-v4.19 pull ("The ARM-SMMU now aborts transactions from unknown
        // devices and devices not attached to any domain"): static bool disable_bypass = 1;
        row(SMMU_DISABLE_BYPASS_DEFAULT, true, "4.19", "iommu-updates-v4.19",
                "iommu/arm-smmu-v3: Prevent any devices access to memory without registration");
        row(SMMU_KDUMP_RESET, "arm-smmu-v3@5.2", "5.2", "3f54c447df34",
                "iommu/arm-smmu-v3: Don't disable SMMU in kdump kernel", "4.19.51", "5.1.10");
        row(SMMU_QUEUE_SIZING, SmmuQueueSizing.CMA_SIZED, "5.3", "d25f6ead162e",
                "iommu/arm-smmu-v3: Increase maximum size of queues");
        row(SMMU_EVENT_RATELIMIT, true, "5.14", "9cff922bba42", "iommu/arm-smmu-v3: Ratelimit event dump");
        row(SMMU_QUEUE_SIZING, SmmuQueueSizing.ONE_PAGE, "5.14", "f115f3c0d5d8",
                "iommu/arm-smmu-v3: Decrease the queue size of evtq and priq");
        row(SMMU_QUEUE_SIZING, SmmuQueueSizing.CMA_SIZED, "5.17", "477436699e78",
                "Revert \"iommu/arm-smmu-v3: Decrease the queue size of evtq and priq\"");
        row(SMMU_DISABLE_BYPASS_PARAM, false, "6.10", "734554fdfce6",
                "iommu/arm-smmu-v3: Retire disable_bypass parameter");
        row(SMMU_EVENT_DUMP, SmmuEventDump.DECODED_ERR, "6.14", "d814b70b9b90",
                "iommu/arm-smmu-v3: Log better event records");
        // ---- IOMMU core (drivers/iommu/iommu.c) ----
        row(IOMMU_GROUP_MESSAGE, IommuGroupMessage.ADDING_TO_IOMMU_GROUP, "5.1", "780da9e4f5bf",
                "iommu: Use dev_printk() when possible");
        // ---- IOVA (drivers/iommu/iova.c, dma-iommu.c) ----
        row(IOVA_ALLOCATOR, new IovaPolicy(128, 32, true, false, false, false), "4.20", "bee60e94a1e2",
                "iommu/iova: Optimise attempts to allocate iova from 32bit address range");
        row(IOVA_ALLOCATOR, IovaPolicy.V5_11, "5.11", "4e89dce72521",
                "iommu/iova: Retry from last rb tree node if iova search fails");
        row(IOVA_ALLOCATOR, IovaPolicy.V6_6, "6.6", "911aa1245da8", "iommu/iova: Make the rcache depot scale better");
        // ---- arm64 crashkernel (arch/arm64/mm/init.c) ----
        // Nicolas Saenz Julienne's ZONE_DMA32 fix of the 5.5 cycle (Reported-by: Qian Cai): the search
        // ends at arm64_dma32_phys_limit, exclusive; its commit id is not pinned here
        row(ARM64_CRASHKERNEL, CrashkernelPlacement.V5_5_EXCLUSIVE_LIMIT, "5.5", "arch/arm64/mm/init.c v5.5",
                "arm64: mm: reserve CMA and crashkernel in ZONE_DMA32");
        // Mike Rapoport; the first release is inferred from the series' date (August 2021)
        row(ARM64_CRASHKERNEL, CrashkernelPlacement.V5_15_PHYS_ALLOC_RANGE, "5.15", "a7259df76702",
                "memblock: make memblock_find_in_range method private");
        row(ARM64_CRASHKERNEL, CrashkernelPlacement.V5_19_HIGH_LOW, "5.19", "944a45abfabc",
                "arm64: kdump: Reimplement crashkernel=X");
        // with a149cf00b158 "arm64: kdump: Provide default size when crashkernel=Y,low is not specified"
        row(ARM64_CRASHKERNEL, CrashkernelPlacement.V6_2_FALLBACK, "6.2", "a9ae89df7377",
                "arm64: kdump: Support crashkernel=X fall back to reserve region above DMA zones");
        row(ARM64_CRASHKERNEL, CrashkernelPlacement.V6_5_HIGH_FROM_4G, "6.5", "6c4dcaddbd36",
                "arm64: kdump: simplify the reservation behaviour of crashkernel=,high");
        row(ARM64_CRASHKERNEL, CrashkernelPlacement.V6_7_GENERIC, "6.7", "fdc268232dbb",
                "arm64: kdump: use generic interface to simplify crashkernel reservation");
        // ---- AER (drivers/pci/pcie/aer/aerdrv_errprint.c up to 4.18, drivers/pci/pcie/aer.c from 4.19) ----
        row(AER_PRINT, AerPrintFormat.V4_19, "4.19", "drivers/pci/pcie/aer.c v4.19",
                "PCI/AER: the AER driver in one file, __aer_print_error with short names (source at 4.19.1)");
        row(AER_PRINT, AerPrintFormat.V5_2, "5.2", "PCI changes for v5.2",
                "PCI/AER: Log messages with pci_dev, not pcie_device (pr_fmt/dev_fmt \"AER: \")");
        row(AER_PRINT, AerPrintFormat.V6_8, "6.8", "1291b716bbf9", "PCI/AER: Decode Requester ID when no error info found");
        // pci_aer_init: pci_cleanup_aer_error_status_regs() returns -EIO under firmware first (source at 4.19.1)
        row(AER_STALE_STATUS, AerStaleStatus.CLEARED_IF_NATIVE, "4.19", "drivers/pci/pcie/aer.c v4.19",
                "PCI/AER: pci_cleanup_aer_error_status_regs() leaves firmware-first devices alone");
        // recovery (drivers/pci/pcie/err.c from 4.19): rows at the releases whose source was read
        row(AER_RECOVERY, AerRecoveryFormat.V4_19, "4.19", "drivers/pci/pcie/err.c v4.19",
                "PCI/AER: pcie_do_nonfatal_recovery on the source alone; pcie_do_fatal_recovery removes, resets, rescans");
        row(AER_RECOVERY, AerRecoveryFormat.V5_7, "5.7", "drivers/pci/pcie/err.c v5.7",
                "PCI/ERR: pcie_do_recovery for both severities, on the port's devices, lines on the port (source at 5.7.14)");
        // Keith Busch, <20210104230300.1277180-4-kbusch@kernel.org>
        row(AER_RECOVERY, AerRecoveryFormat.V5_12, "5.12", "PCI/ERR: Retain status from error notification",
                "PCI/ERR: the drivers' votes survive the link reset of a fatal error");
        row(AER_RECOVERY, AerRecoveryFormat.V6_8, "6.8", "drivers/pci/pcie/aer.c v6.8",
                "PCI/AER: aer_root_reset prints \"%s Port link has been reset (%d)\" (source at 6.8.0)");
        // Jon Pan-Doh's series, applied "to pci/aer for v6.16" (Bjorn Helgaas); the reworked source-line
        // wording of the same series is not modelled (6.8's lines are kept)
        row(AER_RATELIMIT, true, "6.16", "a57f2bfb4a58", "PCI/AER: Ratelimit correctable and non-fatal error logging");
        // ---- APEI / CPER (drivers/firmware/efi/cper.c, drivers/acpi/apei/ghes.c) ----
        // Xiaofei Tan, <1564105417-232048-1-git-send-email-tanxiaofei@huawei.com>
        row(CPER_AER_LINES, CperAerLines.FATAL_ONLY, "5.4", "b194a77fcc40", "efi: cper: print AER info of PCIe fatal error",
                "4.19.77");
        // Lukas Wunner, <20191002165904.8819-2-ard.biesheuvel@linaro.org>: "class_code: 000406 (should be 060400)"
        row(CPER_CLASS_CODE_MSB_FIRST, true, "5.4", "6fb9367a15d1", "efi/cper: Fix endianness of PCIe class code");
        // Avadhut Naik / Yazen Ghannam, <20240823002422.3056599-1-avadhut.naik@amd.com>
        row(CPER_AER_LINES, CperAerLines.ALL, "6.12", "d7171eb49435", "efi/cper: Print correctable AER information");
        // ---- panic (kernel/panic.c) ----
        row(PANIC_END_MARKER_CLOSED, true, "4.19", "kernel/panic.c v4.19",
                "panic: pr_emerg(\"---[ end Kernel panic - not syncing: %s ]---\") (4.14.5 prints no closing marker)");
        // ---- PCI core (drivers/pci/pci.c) ----
        // pci_bridge_wait_for_secondary_bus() (ad9001f2f411, v5.5) served resume only until this change made
        // pci_bridge_secondary_bus_reset() use it; its id is not pinned here: the evidence is pci.c at 6.3
        row(SBR_WAIT, SbrWaitPolicy.V6_LINK_ACTIVE_WAIT, "6.3", "drivers/pci/pci.c v6.3",
                "PCI: Unify delay handling for reset and resume");
        // ---- x86_64 crashkernel (arch/x86/kernel/setup.c reserve_crashkernel; kernel/crash_core.c from 6.6) ----
        // with b9ac3849af41 "x86/kdump: Fall back to reserve high crashkernel memory" (same v5.2 pull)
        row(X86_CRASHKERNEL, X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK, "5.2", "9ca5c8e632ce",
                "x86/kdump: Have crashkernel=X reserve under 4G by default");
        row(X86_CRASHKERNEL, X86CrashkernelPlacement.V6_6_GENERIC, "6.6", "9c08a2a139fe",
                "x86: kdump: use generic interface to simplify crashkernel reservation code");
        // ---- intel-iommu (drivers/iommu/intel-iommu.c, dmar.c; drivers/iommu/intel/ from 5.8) ----
        row(INTEL_IOMMU_KDUMP, "intel-iommu@4.2", "4.2", "091d42e43d21",
                "iommu/vt-d: Copy translation tables from old kernel");
        // Lu Baolu's scalable-mode series of the v5.0 merge window; with "iommu/vt-d: Leave scalable mode
        // default off" of the same release only intel_iommu=sm_on turns it on (the model's kernels are built
        // without CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON)
        row(INTEL_IOMMU_SCALABLE_MODE, true, "5.0", "7373a8cc3819",
                "iommu/vt-d: Setup context and enable RID2PASID support");
        // Lu Baolu, reported by Jerry Snitselaar, <20220817011035.3250131-1-baolu.lu@linux.intel.com>; merged
        // through iommu-fixes-v6.0-rc4 (in v6.0-rc5); stable 5.15.69 (0fb0cf1c4145), 5.19.10 (e4b44ac1042b)
        row(INTEL_IOMMU_KDUMP, "intel-iommu@6.0", "6.0", "0c5f6c0d8201",
                "iommu/vt-d: Fix kdump kernels boot failure with scalable mode", "5.15.69", "5.19.10");
        row(DMAR_FAULT_RATELIMIT, true, "4.7", "c43fce4eebae", "iommu/vt-d: Ratelimit fault handler");
        row(DMAR_FAULT_FORMAT, DmarFaultFormat.V4_7_ONE_LINE, "4.7", "a0fe14d7dcf5",
                "iommu/vt-d: Improve fault handler error messages");
        // Message-ID <1567793642-17063-1-git-send-email-kyung.min.park@intel.com>; its commit id is not pinned here
        row(DMAR_FAULT_FORMAT, DmarFaultFormat.V5_5_PASID, "5.5", "drivers/iommu/dmar.c v5.5",
                "iommu/vt-d: Add Scalable Mode fault information");
        row(DMAR_FAULT_FORMAT, DmarFaultFormat.V5_14_NO_PASID_HEX_BDF, "5.14", "719a19335692",
                "iommu/vt-d: Tweak the description of a DMA fault");
        // Message-ID <20210903193711.483999-1-helgaas@kernel.org>, queued for v5.15; its commit id is not pinned here
        row(DMAR_FAULT_FORMAT, DmarFaultFormat.V5_15_NO_PASID, "5.15", "drivers/iommu/intel/dmar.c v5.15",
                "iommu/vt-d: Drop \"0x\" prefix from PCI bus & device addresses");
    }

    private VersionTable() {
    }

    private static void row(Behaviour<?> b, Object value, String since, String commit, String subject, String... backports) {
        List<KernelRelease> bp = new ArrayList<>();
        for (String s : backports) {
            bp.add(KernelRelease.parse(s));
        }
        ROWS.add(new Change(b, value, KernelRelease.parse(since), commit, subject, bp));
    }

    /** Every row, in the order above. */
    public static List<Change> rows() {
        return List.copyOf(ROWS);
    }

    /** The value {@code b} has in {@code release}: the last applicable row's, else the baseline. */
    @SuppressWarnings("unchecked")
    public static <T> T at(Behaviour<T> b, KernelRelease release) {
        Object v = b.baseline();
        for (Change c : ROWS) {
            if (c.behaviour() == b && c.appliesTo(release)) {
                v = c.value();
            }
        }
        return (T) v;
    }

    /** Whether {@code release} is inside the range the table covers. */
    public static boolean covers(KernelRelease release) {
        return release.atLeast(OLDEST) && release.line().compareTo(NEWEST) <= 0;
    }
}
