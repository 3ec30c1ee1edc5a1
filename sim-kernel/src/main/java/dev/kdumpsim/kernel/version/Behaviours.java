package dev.kdumpsim.kernel.version;

import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.pcie.SbrWaitPolicy;
import java.util.List;

/** The behaviours the {@link VersionTable} keys its rows by, with their values in the oldest release covered. */
public final class Behaviours {

    private Behaviours() {
    }

    /** The arm-smmu-v3 driver policy (its {@code kernels.*.iommuDriver} name) a release runs. */
    public static final Behaviour<String> SMMU_KDUMP_RESET = new Behaviour<>("arm-smmu-v3 kdump reset",
            "arm_smmu_device_reset() in a kdump kernel that finds SMMUEN set", "arm-smmu-v3@4.16");

    public static final Behaviour<Boolean> SMMU_DISABLE_BYPASS_DEFAULT = new Behaviour<>("arm-smmu-v3 disable_bypass default",
            "default of the disable_bypass module parameter: new STEs abort instead of bypass", false);

    public static final Behaviour<Boolean> SMMU_DISABLE_BYPASS_PARAM = new Behaviour<>("arm-smmu-v3 disable_bypass parameter",
            "the arm-smmu-v3.disable_bypass= command-line parameter exists", true);

    public static final Behaviour<Boolean> SMMU_EVENT_RATELIMIT = new Behaviour<>("arm-smmu-v3 event ratelimit",
            "the event thread dumps events under one __ratelimit state (10 per 5 s)", false);

    public static final Behaviour<SmmuEventDump> SMMU_EVENT_DUMP = new Behaviour<>("arm-smmu-v3 event dump",
            "how an event record is printed", SmmuEventDump.RAW_INFO);

    public static final Behaviour<SmmuQueueSizing> SMMU_QUEUE_SIZING = new Behaviour<>("arm-smmu-v3 queue sizing",
            "how large the command and event queues are, and whether their size is printed", SmmuQueueSizing.FIXED_SHIFT);

    public static final Behaviour<IommuGroupMessage> IOMMU_GROUP_MESSAGE = new Behaviour<>("iommu group message",
            "the line the IOMMU core prints when a device joins a group", IommuGroupMessage.ADDING_DEVICE_TO_GROUP);

    public static final Behaviour<IovaPolicy> IOVA_ALLOCATOR = new Behaviour<>("IOVA allocator",
            "drivers/iommu/iova.c and dma-iommu.c allocation behaviour", IovaPolicy.V4_19);

    public static final Behaviour<CrashkernelPlacement> ARM64_CRASHKERNEL = new Behaviour<>("arm64 crashkernel placement",
            "where arm64 reserve_crashkernel() puts crashkernel=", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT);

    public static final Behaviour<SbrWaitPolicy> SBR_WAIT = new Behaviour<>("secondary bus reset wait",
            "what the PCI core waits for after a Secondary Bus Reset", SbrWaitPolicy.V4_19_SSLEEP_1S);

    public static final Behaviour<X86CrashkernelPlacement> X86_CRASHKERNEL = new Behaviour<>("x86_64 crashkernel placement",
            "where x86_64 reserve_crashkernel() puts crashkernel= and what it prints", X86CrashkernelPlacement.V4_0_BELOW_896M);

    /** The intel-iommu driver policy (its {@code kernels.*.iommuDriver} name) a release runs. */
    public static final Behaviour<String> INTEL_IOMMU_KDUMP = new Behaviour<>("intel-iommu kdump takeover",
            "init_dmars() in a kdump kernel that finds translation enabled", "intel-iommu@4.0");

    /** Whether the intel-iommu driver can program scalable mode ({@code intel_iommu=sm_on} on a unit with ECAP.SMTS). */
    public static final Behaviour<Boolean> INTEL_IOMMU_SCALABLE_MODE = new Behaviour<>("intel-iommu scalable mode",
            "intel_iommu=sm_on makes the driver program scalable-mode root, context and PASID tables", false);

    public static final Behaviour<DmarFaultFormat> DMAR_FAULT_FORMAT = new Behaviour<>("DMAR fault format",
            "how dmar_fault_do_one() prints a fault record", DmarFaultFormat.V4_0_TWO_LINES);

    public static final Behaviour<Boolean> DMAR_FAULT_RATELIMIT = new Behaviour<>("DMAR fault ratelimit",
            "dmar_fault() prints under one __ratelimit state (10 per 5 s)", false);

    public static final Behaviour<AerPrintFormat> AER_PRINT = new Behaviour<>("AER print format",
            "how the PCI core prints an uncorrectable AER error (firmware-first and native)", AerPrintFormat.V4_14);

    public static final Behaviour<AerRecoveryFormat> AER_RECOVERY = new Behaviour<>("AER recovery",
            "how the PCI core recovers from an uncorrectable error and what it prints", AerRecoveryFormat.V4_14);

    public static final Behaviour<AerStaleStatus> AER_STALE_STATUS = new Behaviour<>("AER stale status",
            "what pci_aer_init does at enumeration with status a previous kernel left", AerStaleStatus.CLEARED_ALWAYS);

    public static final Behaviour<CperAerLines> CPER_AER_LINES = new Behaviour<>("CPER PCIe AER lines",
            "which AER registers cper_print_pcie prints from a PCIe error section", CperAerLines.NONE);

    public static final Behaviour<Boolean> CPER_CLASS_CODE_MSB_FIRST = new Behaviour<>("CPER class code order",
            "cper_print_pcie prints the class code base class first (p[2], p[1], p[0])", false);

    public static final Behaviour<Boolean> PANIC_END_MARKER_CLOSED = new Behaviour<>("panic end marker",
            "panic()'s last line ends in \" ]---\"", false);

    public static final Behaviour<Boolean> AER_RATELIMIT = new Behaviour<>("AER log ratelimit",
            "native AER logs a device's correctable and non-fatal errors under a per-device ratelimit (5 s, burst 10)", false);

    /** Every behaviour, in table order. */
    public static final List<Behaviour<?>> ALL = List.of(SMMU_KDUMP_RESET, SMMU_DISABLE_BYPASS_DEFAULT,
            SMMU_DISABLE_BYPASS_PARAM, SMMU_EVENT_RATELIMIT, SMMU_EVENT_DUMP, SMMU_QUEUE_SIZING, IOMMU_GROUP_MESSAGE,
            IOVA_ALLOCATOR, ARM64_CRASHKERNEL, SBR_WAIT, X86_CRASHKERNEL, INTEL_IOMMU_KDUMP, INTEL_IOMMU_SCALABLE_MODE,
            DMAR_FAULT_FORMAT,
            DMAR_FAULT_RATELIMIT, AER_PRINT, AER_RECOVERY, AER_STALE_STATUS,
            CPER_AER_LINES, CPER_CLASS_CODE_MSB_FIRST, PANIC_END_MARKER_CLOSED, AER_RATELIMIT);
}
