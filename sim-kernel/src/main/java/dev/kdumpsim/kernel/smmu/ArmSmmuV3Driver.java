package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.policy.SmmuDriverPolicy;
import dev.kdumpsim.smmuv3.Command;
import dev.kdumpsim.smmuv3.L1StreamTableDescriptor;
import dev.kdumpsim.smmuv3.SmmuV3;
import dev.kdumpsim.smmuv3.StreamTableEntry;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The arm-smmu-v3 driver of one kernel (drivers/iommu/arm-smmu-v3.c), programming the SMMU model
 * only through MMIO and memory: {@code arm_smmu_device_probe} = hw_probe (prints
 * "ias %lu-bit, oas %lu-bit (features 0x%08x)"), init_structures (queues and a 2-level stream
 * table with lazily allocated L2 tables, STRTAB_SPLIT 8), and {@code arm_smmu_device_reset}, whose
 * behaviour when the SMMU is found enabled is the {@link SmmuDriverPolicy}. After probe it adds
 * masters ({@code arm_smmu_add_device}: L2 table, bypass or abort STEs per
 * {@code disable_bypass}) and attaches DMA domains (STE -> CD -> stage-1 table, CFGI_STE +
 * CMD_SYNC). Its event thread is {@link SmmuEventThread}.
 */
public final class ArmSmmuV3Driver {

    /** dev_name of the SMMU platform device in the report (an ACPI IORT-created platform device). */
    public static final String DEV_PREFIX = "arm-smmu-v3 arm-smmu-v3.0.auto: ";
    static final int STRTAB_SPLIT = 8;
    /** {@code STRTAB_L1_SZ_SHIFT} = 20: the L1 table is at most 1 MiB (2^17 descriptors). */
    static final int STRTAB_L1_SZ_SHIFT = 20;
    /** CPU time of arm_smmu_setup_irqs (platform MSI allocation, three request_threaded_irq); a model value. */
    static final long SETUP_IRQS_NS = 300_000;
    /** -EBUSY as the driver core prints it. */
    static final int EBUSY = 16;

    private final KernelContext k;
    private final SmmuV3 smmu;
    private final SmmuDriverPolicy policy;
    private final boolean disableBypass;
    private final boolean coherentFirmware;
    private final int evtqMaxShift;
    private final PhysicalMemory mem;

    private SmmuFeatures features;
    private long l1Base;
    private int l1Log2;
    private boolean adoptedTable;
    private final TreeMap<Integer, Long> l2Tables = new TreeMap<>();
    private long cmdqBase;
    private int cmdqProd;
    private long evtqBase;
    private boolean probed;
    private boolean probeFailed;
    private boolean foundEnabled;
    private long bypassWindowStartNs = -1;
    private long bypassWindowEndNs = -1;
    private SmmuEventThread eventThread;
    private int nextAsid = 1;
    private final TreeMap<Integer, Boolean> deferredAttach = new TreeMap<>();

    public ArmSmmuV3Driver(KernelContext k, SmmuV3 smmu, SmmuDriverPolicy policy, boolean coherentFirmware,
            int evtqMaxShift) {
        this.k = k;
        this.smmu = smmu;
        this.policy = policy;
        this.mem = k.memory();
        this.disableBypass = k.cmdline().disableBypass().orElse(policy.disableBypassDefault());
        this.coherentFirmware = coherentFirmware;
        this.evtqMaxShift = evtqMaxShift;
    }

    public SmmuDriverPolicy policy() {
        return policy;
    }

    public SmmuFeatures features() {
        return features;
    }

    public boolean probed() {
        return probed;
    }

    /** The probe returned an error (v4.19 in a kdump kernel: -EBUSY); no IOMMU for the devices. */
    public boolean probeFailed() {
        return probeFailed;
    }

    /** CR0.SMMUEN was 1 when this kernel's driver probed (the crashed kernel left it on). */
    public boolean foundEnabled() {
        return foundEnabled;
    }

    /** Simulation time SMMUEN was cleared with GBPA letting transactions bypass, or -1. */
    public long bypassWindowStartNs() {
        return bypassWindowStartNs;
    }

    /** Simulation time SMMUEN was set again after a bypass window, or -1. */
    public long bypassWindowEndNs() {
        return bypassWindowEndNs;
    }

    public SmmuEventThread eventThread() {
        return eventThread;
    }

    public boolean disableBypass() {
        return disableBypass;
    }

    /** Runs arm_smmu_device_probe(); {@code done} gets true on success. */
    public void probe(Consumer<Boolean> done) {
        features = SmmuFeatures.decode(smmu.readl(IDR0), smmu.readl(IDR1), smmu.readl(IDR5), evtqMaxShift,
                coherentFirmware);
        k.console().print(LogLevel.INFO, DEV_PREFIX, "ias %lu-bit, oas %lu-bit (features 0x%08x)\n",
                (long) features.ias(), (long) features.oas(), features.features());
        k.console().then(() -> {
            initStructures();
            reset(done);
        });
    }

    // ---- arm_smmu_init_structures ---------------------------------------------------------------

    private void initStructures() {
        cmdqBase = k.pages().allocate(16L << features.cmdqShift(), Math.max(32, 16L << features.cmdqShift()));
        evtqBase = k.pages().allocate(32L << features.evtqShift(), Math.max(32, 32L << features.evtqShift()));
        int sid = features.sidBits();
        l1Log2 = Math.min(sid - STRTAB_SPLIT, STRTAB_L1_SZ_SHIFT - 3);
        long l1Bytes = 8L << Math.max(0, l1Log2);
        l1Base = k.pages().allocate(l1Bytes, Math.max(64, l1Bytes));
        for (long a = 0; a < l1Bytes; a += 8) {
            mem.writeLong(k.cpuAgent(), l1Base + a, L1StreamTableDescriptor.INVALID.encode());
        }
    }

    // ---- arm_smmu_device_reset, per policy ------------------------------------------------------

    private void reset(Consumer<Boolean> done) {
        foundEnabled = (smmu.readl(CR0) & CR0_SMMUEN) != 0;
        MmioSequence seq = new MmioSequence(k.sim(), what -> k.console().print(LogLevel.ERR, DEV_PREFIX,
                "%s timeout\n", what));
        if (foundEnabled && k.kdump() && policy == SmmuDriverPolicy.V4_19) {
            // b63b3439: abort everything, disable, fail the probe (no warning printed)
            updateGbpaAbort(seq);
            disable(seq);
            seq.run(() -> {
                probeFailed = true;
                k.console().print(LogLevel.WARNING, "", "%s: probe of %s failed with error %d\n", "arm-smmu-v3",
                        "arm-smmu-v3.0.auto", -EBUSY);
                k.console().then(() -> done.accept(false));
            });
            return;
        }
        if (foundEnabled && k.kdump() && policy == SmmuDriverPolicy.KDUMP_ADOPT) {
            k.console().print(LogLevel.INFO, DEV_PREFIX, "kdump: retaining SMMUEN for in-flight DMA\n");
            k.console().then(() -> adopt(seq, done));
            return;
        }
        if (foundEnabled && k.kdump() && policy == SmmuDriverPolicy.FRESH_TABLES_NO_RESET) {
            k.console().print(LogLevel.WARNING, DEV_PREFIX, "SMMU currently enabled! Invalidating all stream table entries\n");
            k.console().then(() -> invalidateInPlace(seq, done));
            return;
        }
        if (foundEnabled) {
            k.console().print(LogLevel.WARNING, DEV_PREFIX, "SMMU currently enabled! Resetting...\n");
        }
        k.console().then(() -> fullReset(seq, done));
    }

    private void fullReset(MmioSequence seq, Consumer<Boolean> done) {
        boolean abortFirst = foundEnabled && (policy == SmmuDriverPolicy.V5_2 || policy == SmmuDriverPolicy.KDUMP_ADOPT
                || policy == SmmuDriverPolicy.FRESH_TABLES_NO_RESET);
        if (abortFirst) {
            updateGbpaAbort(seq); // 3f54c447: GBPA.ABORT before SMMUEN is cleared
        }
        disable(seq);
        seq.step("CR1/CR2", () -> {
            smmu.writel(CR1, 0xd75); // tables and queues: inner shareable, write-back
            smmu.writel(CR2, CR2_PTM | CR2_RECINVSID | CR2_E2H); // early 4.x: PTM | RECINVSID | E2H
        });
        seq.step("STRTAB_BASE", () -> {
            smmu.writeq(STRTAB_BASE, l1Base | STRTAB_BASE_RA);
            smmu.writel(STRTAB_BASE_CFG, strtabBaseCfg(STRTAB_BASE_CFG_FMT_2LVL, STRTAB_SPLIT, l1Log2 + STRTAB_SPLIT));
        });
        enableCommandQueue(seq, 0);
        invalidateAll(seq);
        seq.step("EVTQ_BASE", () -> {
            smmu.writeq(EVENTQ_BASE, queueBase(evtqBase, features.evtqShift()));
            smmu.writel(EVENTQ_PROD, 0);
            smmu.writel(EVENTQ_CONS, 0);
        });
        cr0(seq, "EVTQEN", CR0_CMDQEN | CR0_EVENTQEN);
        setupIrqs(seq);
        boolean evtqOff = k.kdump() && policy.eventQueueOffInKdump();
        int enables = CR0_CMDQEN | (evtqOff ? 0 : CR0_EVENTQEN) | CR0_SMMUEN;
        cr0(seq, "SMMUEN", enables);
        seq.run(() -> {
            if (bypassWindowStartNs >= 0) {
                bypassWindowEndNs = k.sim().now();
            }
            probed = true;
            done.accept(true);
        });
    }

    /** kdump-adopt: keep SMMUEN and the crashed kernel's stream table; new command queue only. */
    private void adopt(MmioSequence seq, Consumer<Boolean> done) {
        useLiveStreamTable();
        scanAdoptedTable();
        cr0(seq, "queues off", CR0_SMMUEN);
        enableCommandQueue(seq, CR0_SMMUEN);
        invalidateAll(seq);
        seq.run(() -> {
            probed = true;
            done.accept(true);
        });
    }

    /** Bjorn's proposal: SMMUEN stays 1; every STE of the live table becomes invalid, then CFGI_ALL. */
    private void invalidateInPlace(MmioSequence seq, Consumer<Boolean> done) {
        useLiveStreamTable();
        cr0(seq, "queues off", CR0_SMMUEN);
        seq.step("invalidate STEs", () -> {
            readL2Tables();
            for (long l2 : l2Tables.values()) {
                for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
                    StreamTableEntry.INVALID.writeTo(mem, k.cpuAgent(), l2 + 64L * i);
                }
            }
        });
        enableCommandQueue(seq, CR0_SMMUEN);
        invalidateAll(seq);
        seq.step("EVTQ_BASE", () -> {
            smmu.writeq(EVENTQ_BASE, queueBase(evtqBase, features.evtqShift()));
            smmu.writel(EVENTQ_PROD, 0);
            smmu.writel(EVENTQ_CONS, 0);
        });
        cr0(seq, "EVTQEN", CR0_SMMUEN | CR0_CMDQEN | CR0_EVENTQEN);
        setupIrqs(seq);
        seq.run(() -> {
            probed = true;
            done.accept(true);
        });
    }

    /**
     * The crashed kernel's stream table stays in use: its base and size from STRTAB_BASE(_CFG)
     * (LOG2SIZE[5:0] minus SPLIT[10:6] = log2 of the L1 descriptors).
     */
    private void useLiveStreamTable() {
        int cfg = smmu.readl(STRTAB_BASE_CFG);
        l1Base = smmu.readq(STRTAB_BASE) & STRTAB_BASE_ADDR_MASK;
        l1Log2 = (cfg & 0x3f) - ((cfg >>> 6) & 0x1f);
        adoptedTable = true;
    }

    /** Records the L2 table of every valid L1 descriptor of the table in use. */
    private void readL2Tables() {
        for (int g = 0; g < (1 << l1Log2); g++) {
            L1StreamTableDescriptor l1 = L1StreamTableDescriptor.decode(mem.readLong(k.cpuAgent(), l1Base + 8L * g));
            if (l1.span() != 0) {
                l2Tables.put(g, l1.l2Ptr());
            }
        }
    }

    private void scanAdoptedTable() {
        readL2Tables();
        for (var e : l2Tables.entrySet()) {
            for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
                StreamTableEntry ste = StreamTableEntry.readFrom(mem, k.cpuAgent(), e.getValue() + 64L * i);
                if (ste.valid() && ste.config() != StreamTableEntry.CONFIG_ABORT) {
                    deferredAttach.put((e.getKey() << STRTAB_SPLIT) | i, Boolean.TRUE); // is_attach_deferred()
                }
            }
        }
    }

    private void updateGbpaAbort(MmioSequence seq) {
        seq.poll("GBPA", () -> smmu.writel(GBPA, (smmu.readl(GBPA) | GBPA_ABORT) | GBPA_UPDATE),
                () -> (smmu.readl(GBPA) & GBPA_UPDATE) == 0);
    }

    private void disable(MmioSequence seq) {
        seq.poll("CR0 disable", () -> {
            boolean bypassing = (smmu.readl(CR0) & CR0_SMMUEN) != 0 && (smmu.readl(GBPA) & GBPA_ABORT) == 0;
            smmu.writel(CR0, 0);
            if (bypassing && bypassWindowStartNs < 0) {
                bypassWindowStartNs = k.sim().now();
            }
        }, () -> smmu.readl(CR0ACK) == 0);
    }

    private void cr0(MmioSequence seq, String what, int value) {
        seq.poll(what, () -> smmu.writel(CR0, value), () -> smmu.readl(CR0ACK) == value);
    }

    private void enableCommandQueue(MmioSequence seq, int keep) {
        seq.step("CMDQ_BASE", () -> {
            smmu.writeq(CMDQ_BASE, queueBase(cmdqBase, features.cmdqShift()));
            smmu.writel(CMDQ_PROD, 0);
            smmu.writel(CMDQ_CONS, 0);
            cmdqProd = 0;
        });
        cr0(seq, "CMDQEN", keep | CR0_CMDQEN);
    }

    private void invalidateAll(MmioSequence seq) {
        seq.poll("CFGI_ALL", () -> submit(Command.cfgiAll(), Command.sync()), this::commandsConsumed);
        if (features.has(SmmuFeatures.FEAT_HYP)) {
            seq.poll("TLBI_EL2_ALL", () -> submit(Command.tlbiEl2All()), this::commandsConsumed);
        }
        seq.poll("TLBI_NSNH_ALL", () -> submit(Command.tlbiNsnhAll(), Command.sync()), this::commandsConsumed);
    }

    private void setupIrqs(MmioSequence seq) {
        seq.poll("IRQ_CTRL off", () -> smmu.writel(IRQ_CTRL, 0), () -> smmu.readl(IRQ_CTRLACK) == 0);
        seq.delay("request irqs", () -> {
            if (eventThread == null) {
                eventThread = new SmmuEventThread(k, smmu, evtqBase, features.evtqShift(), policy.ratelimitedEventDump());
                smmu.addIrqListener(eventThread);
            }
        }, SETUP_IRQS_NS);
        int irqs = IRQ_CTRL_EVENTQ_IRQEN | IRQ_CTRL_GERROR_IRQEN;
        seq.poll("IRQ_CTRL", () -> smmu.writel(IRQ_CTRL, irqs), () -> smmu.readl(IRQ_CTRLACK) == irqs);
    }

    // ---- command queue ---------------------------------------------------------------------------

    private void submit(Command... cmds) {
        int log2 = features.cmdqShift();
        int wrapMask = (2 << log2) - 1;
        for (Command c : cmds) {
            c.writeTo(mem, k.cpuAgent(), cmdqBase + 16L * (cmdqProd & ((1 << log2) - 1)));
            cmdqProd = (cmdqProd + 1) & wrapMask;
        }
        smmu.writel(CMDQ_PROD, cmdqProd);
    }

    private boolean commandsConsumed() {
        return (smmu.readl(CMDQ_CONS) & ((2 << features.cmdqShift()) - 1)) == cmdqProd;
    }

    /** Issues commands and calls {@code then} once the SMMU consumed them (CMD_SYNC polled). */
    void issueAndSync(Runnable then, Command... cmds) {
        MmioSequence seq = new MmioSequence(k.sim(), what -> k.console().print(LogLevel.ERR, DEV_PREFIX,
                "CMD_SYNC timeout\n"));
        Command[] withSync = java.util.Arrays.copyOf(cmds, cmds.length + 1);
        withSync[cmds.length] = Command.sync();
        seq.poll("CMD_SYNC", () -> submit(withSync), this::commandsConsumed);
        seq.run(then);
    }

    // ---- masters ----------------------------------------------------------------------------------

    /**
     * {@code arm_smmu_add_device} → {@code arm_smmu_init_l2_strtab}: the L2 table of the StreamID's
     * group, every STE bypass (or abort with {@code disable_bypass}); the L1 descriptor last.
     * In an adopted table the existing L2 table is kept.
     */
    public void addMaster(int sid) {
        int group = sid >>> STRTAB_SPLIT;
        if (l2Tables.containsKey(group)) {
            return;
        }
        long size = 64L << STRTAB_SPLIT;
        long l2 = k.pages().allocate(size, size);
        StreamTableEntry fill = disableBypass ? StreamTableEntry.abort() : StreamTableEntry.bypass();
        for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
            fill.writeTo(mem, k.cpuAgent(), l2 + 64L * i);
        }
        new L1StreamTableDescriptor(STRTAB_SPLIT + 1, l2).writeTo(mem, k.cpuAgent(), l1Base + 8L * group);
        l2Tables.put(group, l2);
    }

    /** {@code is_attach_deferred}: kdump-adopt leaves streams the crashed kernel had attached alone. */
    public boolean isAttachDeferred(int sid) {
        return deferredAttach.containsKey(sid);
    }

    /** Allocates a fresh ASID ({@code arm_smmu_bitmap_alloc} on the ASID map). */
    public int allocateAsid() {
        return nextAsid++;
    }

    /**
     * {@code arm_smmu_attach_dev} for a stage-1 DMA domain: STE = S1 translate via the domain's CD,
     * then CFGI_STE + CMD_SYNC ({@code arm_smmu_sync_ste_for_sid}).
     */
    public void attach(int sid, long cdAddress, Runnable then) {
        addMaster(sid);
        deferredAttach.remove(sid);
        long l2 = l2Tables.get(sid >>> STRTAB_SPLIT);
        StreamTableEntry.stage1(cdAddress).writeTo(mem, k.cpuAgent(), l2 + 64L * (sid & ((1 << STRTAB_SPLIT) - 1)));
        issueAndSync(then, Command.cfgiSte(sid, true));
    }

    /** {@code arm_smmu_device_shutdown} → {@code arm_smmu_device_disable}: CR0 := 0 (orderly kexec). */
    public void shutdown() {
        smmu.writel(CR0, 0);
    }

    /** Whether the stream table this kernel uses belongs to the crashed kernel. */
    public boolean adoptedTable() {
        return adoptedTable;
    }
}
