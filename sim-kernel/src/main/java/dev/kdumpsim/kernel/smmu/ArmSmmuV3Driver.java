package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_SMMUEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.IDR0;
import static dev.kdumpsim.smmuv3.SmmuRegisters.IDR1;
import static dev.kdumpsim.smmuv3.SmmuRegisters.IDR5;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.DmaDomain;
import dev.kdumpsim.kernel.iommu.IommuDriver;
import dev.kdumpsim.kernel.iommu.IommuDriverSummary;
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.SmmuQueueSizing;
import dev.kdumpsim.smmuv3.Command;
import dev.kdumpsim.smmuv3.ContextDescriptor;
import dev.kdumpsim.smmuv3.SmmuV3;
import dev.kdumpsim.smmuv3.StreamTableEntry;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The arm-smmu-v3 driver of one kernel (drivers/iommu/arm-smmu-v3.c), programming the SMMU model
 * only through MMIO and memory: {@code arm_smmu_device_probe} = hw_probe (prints
 * "ias %lu-bit, oas %lu-bit (features 0x%08x)"), init_structures (queues and a 2-level stream
 * table, {@link SmmuStreamTable}), and {@code arm_smmu_device_reset}, whose behaviour when the
 * SMMU is found enabled is the policy's {@link ResetStrategy}. After probe it adds masters
 * ({@code arm_smmu_add_device}: L2 table, bypass or abort STEs per {@code disable_bypass}) and
 * attaches DMA domains (STE -> CD -> stage-1 table, CFGI_STE + CMD_SYNC through
 * {@link SmmuCommandWriter}). Its event thread is {@link SmmuEventThread}.
 */
final class ArmSmmuV3Driver implements IommuDriver {

    /** dev_name of the SMMU platform device in the report (an ACPI IORT-created platform device). */
    public static final String DEV_PREFIX = "arm-smmu-v3 arm-smmu-v3.0.auto: ";
    /** Stage-1 input size of DMA domains: min(48, VA_BITS) ({@code arm_smmu_domain_finalise_s1}). */
    static final int S1_INPUT_BITS = 48;

    private final KernelContext k;
    private final SmmuV3 smmu;
    private final SmmuDriverPolicy policy;
    private final boolean disableBypass;
    private final boolean coherentFirmware;
    private final int evtqMaxShift;
    private final SmmuStreamTable streamTable;
    private final long pageBytes;

    private SmmuFeatures features;
    private SmmuCommandWriter cmdq;
    private long evtqBase;
    private boolean probed;
    private boolean probeFailed;
    private boolean foundEnabled;
    private long bypassWindowStartNs = -1;
    private long bypassWindowEndNs = -1;
    private SmmuEventThread eventThread;
    private int nextAsid = 1;
    private final java.util.TreeSet<Integer> reservedAsids = new java.util.TreeSet<>();
    private final TreeSet<Integer> deferredAttach = new TreeSet<>();
    /** dev_name of the master of each StreamID ({@code arm_smmu_find_master}). */
    private final java.util.TreeMap<Integer, String> clients = new java.util.TreeMap<>();

    public ArmSmmuV3Driver(KernelContext k, SmmuV3 smmu, SmmuDriverPolicy policy, boolean coherentFirmware,
            int evtqMaxShift, long pageBytes) {
        this.pageBytes = pageBytes;
        this.k = k;
        this.smmu = smmu;
        this.policy = policy;
        // 6.10 drops the parameter: unattached streams always abort
        this.disableBypass = !k.version().get(Behaviours.SMMU_DISABLE_BYPASS_PARAM)
                || k.cmdline().disableBypass().orElse(k.version().get(Behaviours.SMMU_DISABLE_BYPASS_DEFAULT));
        this.coherentFirmware = coherentFirmware;
        this.evtqMaxShift = evtqMaxShift;
        this.streamTable = new SmmuStreamTable(k);
    }

    @Override
    public String name() {
        return "arm-smmu-v3";
    }

    @Override
    public SmmuDriverPolicy policy() {
        return policy;
    }

    public SmmuFeatures features() {
        return features;
    }

    @Override
    public boolean probed() {
        return probed;
    }

    /** The probe returned an error (v4.19 in a kdump kernel: -EBUSY); no IOMMU for the devices. */
    @Override
    public boolean probeFailed() {
        return probeFailed;
    }

    /** CR0.SMMUEN was 1 when this kernel's driver probed (the crashed kernel left it on). */
    public boolean foundEnabled() {
        return foundEnabled;
    }

    public SmmuEventThread eventThread() {
        return eventThread;
    }

    public boolean disableBypass() {
        return disableBypass;
    }

    /** Whether the stream table this kernel uses belongs to the crashed kernel. */
    public boolean adoptedTable() {
        return streamTable.adopted();
    }

    /** Runs arm_smmu_device_probe(); {@code done} gets true on success. */
    @Override
    public void probe(Consumer<Boolean> done) {
        SmmuQueueSizing sizing = k.version().get(Behaviours.SMMU_QUEUE_SIZING);
        features = SmmuFeatures.decode(smmu.readl(IDR0), smmu.readl(IDR1), smmu.readl(IDR5),
                SmmuFeatures.evtqMaxShift(sizing, evtqMaxShift, pageShift()), SmmuFeatures.cmdqMaxShift(sizing, pageShift()),
                coherentFirmware);
        k.console().print(LogLevel.INFO, DEV_PREFIX, "ias %lu-bit, oas %lu-bit (features 0x%08x)\n",
                (long) features.ias(), (long) features.oas(), features.features());
        if (sizing != SmmuQueueSizing.FIXED_SHIFT) {
            // d25f6ead162e arm_smmu_init_one_queue: dev_info(smmu->dev, "allocated %u entries for %s\n", ...)
            k.console().print(LogLevel.INFO, DEV_PREFIX, "allocated %u entries for %s\n", 1L << features.cmdqShift(), "cmdq");
            k.console().print(LogLevel.INFO, DEV_PREFIX, "allocated %u entries for %s\n", 1L << features.evtqShift(), "evtq");
        }
        k.console().then(() -> {
            initStructures();
            reset(done);
        });
    }

    /** log2 of the kernel's PAGE_SIZE: its DMA domains' granule (4K or 64K pages on arm64). */
    private int pageShift() {
        return Long.numberOfTrailingZeros(pageBytes);
    }

    /** arm_smmu_init_structures: command and event queues, then the stream table. */
    private void initStructures() {
        int cmdqShift = features.cmdqShift();
        long cmdqBase = k.pages().allocate(16L << cmdqShift, Math.max(32, 16L << cmdqShift));
        cmdq = new SmmuCommandWriter(k, smmu, cmdqBase, cmdqShift);
        evtqBase = k.pages().allocate(32L << features.evtqShift(), Math.max(32, 32L << features.evtqShift()));
        streamTable.allocate(features.sidBits());
    }

    private void reset(Consumer<Boolean> done) {
        foundEnabled = (smmu.readl(CR0) & CR0_SMMUEN) != 0;
        MmioSequence seq = new MmioSequence(k.sim(), what -> k.console().print(LogLevel.ERR, DEV_PREFIX,
                "%s timeout\n", what));
        ResetStrategy strategy = foundEnabled && k.kdump() ? ResetStrategy.of(policy.kdumpReset()) : new FullReset();
        strategy.reset(new SmmuResetSteps(this, k, smmu), seq, done);
    }

    // ---- state the reset strategies read and report -------------------------------------------

    SmmuStreamTable streamTable() {
        return streamTable;
    }

    SmmuCommandWriter commandQueue() {
        return cmdq;
    }

    long evtqBase() {
        return evtqBase;
    }

    boolean hasHyp() {
        return features.has(SmmuFeatures.FEAT_HYP);
    }

    void probeFinished(boolean ok) {
        if (ok) {
            probed = true;
        } else {
            probeFailed = true;
        }
    }

    void bypassWindowOpened(long now) {
        if (bypassWindowStartNs < 0) {
            bypassWindowStartNs = now;
        }
    }

    void bypassWindowClosed(long now) {
        if (bypassWindowStartNs >= 0) {
            bypassWindowEndNs = now;
        }
    }

    void deferAttach(Set<Integer> streams) {
        deferredAttach.addAll(streams);
    }

    /** The IRQ request of arm_smmu_setup_irqs: the event thread, once per driver. */
    void requestIrqs() {
        if (eventThread == null) {
            eventThread = new SmmuEventThread(k, smmu, evtqBase, features.evtqShift(),
                    k.version().get(Behaviours.SMMU_EVENT_RATELIMIT), k.version().get(Behaviours.SMMU_EVENT_DUMP),
                    sid -> clients.getOrDefault(sid, "(unassigned sid)"));
            smmu.addIrqListener(eventThread);
        }
    }

    // ---- the IOMMU core's calls -----------------------------------------------------------------

    /**
     * {@code arm_smmu_add_device} → {@code arm_smmu_init_l2_strtab}: the L2 table of the StreamID's
     * group, every STE bypass (or abort with {@code disable_bypass}). In an adopted table the
     * existing L2 table is kept.
     */
    @Override
    public void addDevice(int sid, String devName) {
        clients.put(sid, devName);
        addDevice(sid);
    }

    private void addDevice(int sid) {
        streamTable.ensureL2(sid, disableBypass ? StreamTableEntry.abort() : StreamTableEntry.bypass());
    }

    /** kdump-adopt v10: the ASIDs the adopted context descriptors use are not handed to new domains. */
    void reserveAsids(java.util.Set<Integer> asids) {
        reservedAsids.addAll(asids);
    }

    /** {@code is_attach_deferred}: kdump-adopt leaves streams the crashed kernel had attached alone. */
    @Override
    public boolean isAttachDeferred(int sid) {
        return deferredAttach.contains(sid);
    }

    /**
     * {@code arm_smmu_domain_alloc} + {@code arm_smmu_domain_finalise_s1}: a stage-1 table
     * (io-pgtable-arm), a fresh ASID ({@code arm_smmu_bitmap_alloc}) and the domain's context
     * descriptor.
     */
    @Override
    public DmaDomain newDmaDomain(String name, IovaAllocator iova, long granuleBytes) {
        Stage1IoPageTable pt = new Stage1IoPageTable(k, granuleBytes, S1_INPUT_BITS);
        while (reservedAsids.contains(nextAsid)) {
            nextAsid++; // arm_smmu_bitmap_alloc skips ASIDs reserved for adopted context descriptors
        }
        int asid = nextAsid++;
        long cd = k.pages().allocate(ContextDescriptor.SIZE_BYTES, 64);
        ContextDescriptor.linuxDmaDomain(asid, pt.root(), S1_INPUT_BITS, pt.translationGranule(),
                features.ipsEncoding()).writeTo(k.memory(), k.cpuAgent(), cd);
        return new DmaDomain(name, asid, iova, pt, cd);
    }

    /**
     * {@code arm_smmu_attach_dev} for a stage-1 DMA domain: STE = S1 translate via the domain's CD,
     * then CFGI_STE + CMD_SYNC ({@code arm_smmu_sync_ste_for_sid}).
     */
    @Override
    public void attach(int sid, DmaDomain domain, Runnable then) {
        addDevice(sid);
        deferredAttach.remove(sid);
        streamTable.writeSte(sid, StreamTableEntry.stage1(domain.contextAddress()));
        cmdq.issueAndSync(then, Command.cfgiSte(sid, true));
    }

    @Override
    public void kernelStopped() {
        if (eventThread != null) {
            eventThread.kernelStopped();
        }
    }

    /** {@code arm_smmu_device_shutdown} → {@code arm_smmu_device_disable}: CR0 := 0 (orderly kexec). */
    @Override
    public void shutdown() {
        smmu.writel(CR0, 0);
    }

    @Override
    public IommuDriverSummary summary() {
        SmmuEventThread t = eventThread;
        return new IommuDriverSummary(probed, probeFailed, foundEnabled, bypassWindowStartNs, bypassWindowEndNs,
                t == null ? 0 : t.dumped(), t == null ? 0 : t.suppressed(), t == null ? 0 : t.overflowReports());
    }
}
