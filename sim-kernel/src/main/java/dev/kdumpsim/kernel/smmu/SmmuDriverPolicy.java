package dev.kdumpsim.kernel.smmu;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.SpecNamed;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;

/**
 * The arm-smmu-v3 driver behaviours a kernel can run, each named after the kernel version or
 * proposal it models (sources in docs/model-kernel.md). What matters is {@code arm_smmu_device_reset()} when the kdump kernel
 * finds the SMMU still enabled, the {@code disable_bypass} default, and whether the event
 * queue is enabled in a kdump kernel.
 */
@KernelApi
public enum SmmuDriverPolicy implements IommuDriverPolicy, SpecNamed {
    /**
     * Early 4.x drivers/iommu/arm-smmu-v3.c: "SMMU currently enabled! Resetting...", then CR0 := 0
     * with GBPA untouched (bypass while GBPA.ABORT=0), full reset, EVTQ on,
     * {@code static bool disable_bypass;} (false: new L2 STEs bypass).
     */
    V4_16("arm-smmu-v3@4.16",
            "reset: CR0:=0 with GBPA untouched (bypass if GBPA.ABORT=0), EVTQ on, disable_bypass=false", false, false, false, false, KdumpReset.FULL_RESET, false),
    /**
     * b63b3439b856 "iommu/arm-smmu-v3: Abort all transactions if SMMU is enabled in kdump kernel"
     * (Will Deacon, 2018): in a kdump kernel, GBPA.ABORT, disable, return -EBUSY: the probe fails
     * and every transaction behind the SMMU aborts for the rest of the kdump boot.
     */
    V4_19("arm-smmu-v3@4.19",
            "kdump: GBPA abort, disable, probe fails -EBUSY (commit b63b3439)", true, false, false, false, KdumpReset.ABORT_AND_FAIL, false),
    /**
     * 3f54c447df34 "iommu/arm-smmu-v3: Don't disable SMMU in kdump kernel" (Will Deacon, 2019):
     * GBPA.ABORT before CR0 := 0, full reset, EVTQEN/PRIQEN left off in a kdump kernel.
     */
    V5_2("arm-smmu-v3@5.2",
            "GBPA abort before disable, full reset, EVTQ/PRIQ off in kdump (commit 3f54c447)", true, true, false, false, KdumpReset.FULL_RESET, true),
    /**
     * Nicolin Chen's "iommu/arm-smmu-v3: Fix device crash on kdump kernel" as review left it (v10,
     * 2026, under review): keep SMMUEN, adopt the crashed kernel's stream table, defer attach of
     * streams with a valid STE until their driver probes, no EVTQ/PRIQ in kdump, and reserve the
     * ASIDs the adopted context descriptors use, so the kdump kernel's new domains never share
     * TLB entries with the crashed kernel's translations.
     */
    KDUMP_ADOPT("arm-smmu-v3@kdump-adopt",
            "keep SMMUEN, adopt the old stream table and reserve its ASIDs, defer attach (2026 series as of v10, under review)", true, true, true, true, KdumpReset.ADOPT, true),
    /**
     * The same series at v7, before review added the ASID/VMID reservation: a new domain may get
     * an ASID an adopted context descriptor still uses. TLB entries are tagged by ASID, not by
     * StreamID (IHI0070 §3.17; two CDs with one ASID and different tables make TLB lookups
     * CONSTRAINED UNPREDICTABLE, §5.4.1), so a device the kdump kernel has not reset yet can hit
     * the new domain's entries and write into kdump memory (fate translatedStaleIntoKdump).
     */
    KDUMP_ADOPT_V7("arm-smmu-v3@kdump-adopt-v7",
            "the kdump-adopt series at v7: no ASID reservation, so new domains can share TLB entries with adopted ones", true, true, true, true, KdumpReset.ADOPT, true),
    /**
     * Bjorn Helgaas's question in the 2018 thread: do not reset, give all-invalid tables. Modelled
     * as in-place invalidation of every STE of the live stream table with SMMUEN kept at 1
     * (replacing STRTAB_BASE while SMMUEN=1 is CONSTRAINED UNPREDICTABLE, IHI0070 §6.3.23), then
     * new queues, CFGI_ALL and TLBI_NSNH_ALL; the event queue stays on.
     */
    FRESH_TABLES_NO_RESET("fresh-tables-no-reset",
            "keep translation on and install all-invalid tables (proposal in the 2018 thread)", true, false, true, true, KdumpReset.INVALIDATE_IN_PLACE, true);

    private final String specName;
    private final String description;
    private final boolean disableBypassDefault;
    private final boolean eventQueueOffInKdump;
    private final boolean keepsSmmuEnabled;
    private final boolean ratelimitedEventDump;
    private final KdumpReset kdumpReset;
    private final boolean abortBeforeDisable;

    /** What {@code arm_smmu_device_reset()} does in a kdump kernel that finds SMMUEN set. */
    public enum KdumpReset {
        /** Disable (CR0 := 0) and reprogram everything: the early 4.x and 5.2+ path. */
        FULL_RESET,
        /** b63b3439: GBPA.ABORT, disable, fail the probe with -EBUSY. */
        ABORT_AND_FAIL,
        /** kdump-adopt: keep SMMUEN and the crashed kernel's stream table, defer attach. */
        ADOPT,
        /** fresh-tables-no-reset: invalidate every STE of the live table in place. */
        INVALIDATE_IN_PLACE
    }

    SmmuDriverPolicy(String specName, String description, boolean disableBypassDefault, boolean eventQueueOffInKdump,
            boolean keepsSmmuEnabled, boolean ratelimitedEventDump, KdumpReset kdumpReset, boolean abortBeforeDisable) {
        this.kdumpReset = kdumpReset;
        this.abortBeforeDisable = abortBeforeDisable;
        this.ratelimitedEventDump = ratelimitedEventDump;
        this.specName = specName;
        this.description = description;
        this.disableBypassDefault = disableBypassDefault;
        this.eventQueueOffInKdump = eventQueueOffInKdump;
        this.keepsSmmuEnabled = keepsSmmuEnabled;
    }

    /** Whether adopting the crashed kernel's tables also reserves the ASIDs its context descriptors use (kdump-adopt v10). */
    public boolean reservesAdoptedAsids() {
        return this == KDUMP_ADOPT;
    }

    /** The name scenario files use. */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String model() {
        return "smmuv3";
    }

    /** The reset path of a kdump kernel that finds the SMMU enabled. */
    public KdumpReset kdumpReset() {
        return kdumpReset;
    }

    /**
     * A full reset that finds SMMUEN set first sets GBPA.ABORT, so clearing SMMUEN aborts
     * instead of bypassing (3f54c447 "Don't disable SMMU in kdump kernel"; the early 4.x driver
     * leaves GBPA alone).
     */
    public boolean abortBeforeDisable() {
        return abortBeforeDisable;
    }

    /**
     * Default of the {@code arm-smmu-v3.disable_bypass} module parameter: false in early 4.x, true
     * in the later drivers modelled here: v4.16 drivers/iommu/arm-smmu-v3.c has
     * {@code static bool disable_bypass;}, b63b3439 sets it to 1; v6.10 drops the option.
     */
    public boolean disableBypassDefault() {
        return disableBypassDefault;
    }

    /** {@code if (is_kdump_kernel()) enables &= ~(CR0_EVTQEN | CR0_PRIQEN);} (3f54c447). */
    public boolean eventQueueOffInKdump() {
        return eventQueueOffInKdump;
    }

    /** The driver never clears SMMUEN in a kdump kernel. */
    public boolean keepsSmmuEnabled() {
        return keepsSmmuEnabled;
    }

    /**
     * The event thread dumps events under one shared {@code __ratelimit} state (10 per 5 s):
     * commit 9cff922bba42 "iommu/arm-smmu-v3: Ratelimit event dump", v5.14. Earlier drivers print
     * every event (5 lines each) and only the 128-entry queue's overflow limits the flood.
     */
    public boolean ratelimitedEventDump() {
        return ratelimitedEventDump;
    }

    /** The policy named {@code name}, or an IllegalArgumentException listing the names. */
    public static SmmuDriverPolicy bySpecName(String name) {
        for (SmmuDriverPolicy p : values()) {
            if (p.specName.equals(name)) {
                return p;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (SmmuDriverPolicy p : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.specName);
        }
        throw new IllegalArgumentException("unknown SMMU driver policy '" + name + "'; known: " + sb);
    }
}
