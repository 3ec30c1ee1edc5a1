package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;

/** A machine with one DMAR unit and a tiny Linux-like "driver" that programs it only through MMIO and memory. */
final class VtdTestBed {

    static final long ROOT = 0x1000_0000L;
    static final long IQ = 0x1100_0000L;
    static final long STATUS = 0x1200_0000L;
    static final long IRT = 0x1300_0000L;

    final Simulation sim;
    final PhysicalMemory mem;
    final DmarUnit unit;
    final VtdParameters params;
    final int cpu;
    final Translation out = new Translation();
    final RemappedInterrupt irq = new RemappedInterrupt();
    /** The driver's shadow of GCMD, as Linux's iommu->gcmd (TE, QIE, IRE). */
    int gcmd;
    private long nextPage = 0x2000_0000L;
    private int iqTail;
    private int descBytes = 16;
    private int statusSeq;
    private final long[] contextTables = new long[256];
    private final long[] upperContextTables = new long[256];

    VtdTestBed(VtdParameters p, long seed) {
        params = p;
        sim = new Simulation(seed);
        mem = new PhysicalMemory(sim);
        unit = new DmarUnit("dmar0", sim, mem, p);
        cpu = mem.registerAgent("kernel");
    }

    VtdTestBed(VtdParameters p) {
        this(p, 1);
    }

    VtdTestBed() {
        this(VtdParameters.defaults());
    }

    long page() {
        long pa = nextPage;
        nextPage += 4096;
        return pa;
    }

    void settle() {
        sim.runUntil(sim.now() + 1_000_000);
    }

    /** Writes GCMD and polls GSTS until {@code statusBit} reads {@code expect} (IOMMU_WAIT_OP). */
    void command(int value, int statusBit, boolean expect) {
        unit.writel(GCMD_REG, value);
        sim.runUntil(() -> ((unit.readl(GSTS_REG) & statusBit) != 0) == expect);
    }

    void setRootTable(long root, int ttm) {
        unit.writeq(RTADDR_REG, root | ((long) ttm << RTADDR_TTM_SHIFT));
        command(gcmd | GCMD_SRTP, GSTS_RTPS, true);
    }

    /** Linux's __dmar_enable_qi: IQT=0, IQA (DW=1 and QS=1 in scalable mode), QIE, wait for QIES. */
    void enableQueuedInvalidation() {
        boolean wide = params.scalableMode();
        descBytes = wide ? 32 : 16;
        unit.writel(IQT_REG, 0);
        unit.writeq(IQA_REG, IQ | (wide ? IQA_DW | 1 : 0));
        iqTail = 0;
        gcmd |= GCMD_QIE;
        command(gcmd, GSTS_QIES, true);
    }

    void enableTranslation() {
        gcmd |= GCMD_TE;
        command(gcmd, GSTS_TES, true);
    }

    void disableTranslation() {
        gcmd &= ~GCMD_TE;
        command(gcmd, GSTS_TES, false);
    }

    /** Legacy mode bring-up as Linux's init_dmars: root table, QI, global invalidation, TE. */
    void enableLegacy() {
        setRootTable(ROOT, TTM_LEGACY);
        enableQueuedInvalidation();
        invalidateAll();
        enableTranslation();
    }

    void enableScalable() {
        setRootTable(ROOT, TTM_SCALABLE);
        enableQueuedInvalidation();
        invalidateAll();
        enableTranslation();
    }

    /** Writes descriptors at IQT, moves IQT and runs until the unit has consumed them (or stopped). */
    void submit(InvalidationDescriptor... ds) {
        long queueBytes = descBytes == 32 ? 8192 : 4096;
        for (InvalidationDescriptor d : ds) {
            d.writeTo(mem, cpu, IQ + iqTail, descBytes);
            iqTail = (int) ((iqTail + descBytes) % queueBytes);
        }
        unit.writeq(IQT_REG, iqTail);
        settle();
    }

    /** qi_submit_sync-style: the descriptors then a wait with status write; returns the status dword. */
    int submitAndWait(InvalidationDescriptor... ds) {
        InvalidationDescriptor[] all = java.util.Arrays.copyOf(ds, ds.length + 1);
        all[ds.length] = InvalidationDescriptor.waitWithStatus(STATUS, ++statusSeq, true);
        submit(all);
        return (int) mem.peekLong(STATUS);
    }

    void invalidateAll() {
        submitAndWait(InvalidationDescriptor.contextGlobal(), InvalidationDescriptor.iotlbGlobal());
    }

    long contextTable(int bus) {
        if (contextTables[bus] == 0) {
            contextTables[bus] = page();
            upperContextTables[bus] = page();
            if (params.scalableMode()) {
                RootEntry.scalable(contextTables[bus], upperContextTables[bus]).writeTo(mem, cpu, ROOT, bus);
            } else {
                RootEntry.legacy(contextTables[bus]).writeTo(mem, cpu, ROOT, bus);
            }
        }
        return contextTables[bus];
    }

    long contextEntryAddress(int sid) {
        return contextTable(sid >>> 8) + 16L * (sid & 0xff);
    }

    /** Legacy: context entry for {@code sid} in domain {@code did} with a fresh second-level table. */
    SecondLevelPageTableBuilder attach(int sid, int did, int agawBits) {
        SecondLevelPageTableBuilder b = new SecondLevelPageTableBuilder(mem, cpu, agawBits, this::page);
        ContextEntry.secondLevel(b.root(), agawBits, did).writeTo(mem, cpu, contextTable(sid >>> 8), sid & 0xff);
        return b;
    }

    /** Scalable mode: context entry -> PASID directory -> PASID table entry of RID_PASID 0 -> second level. */
    SecondLevelPageTableBuilder attachScalable(int sid, int did) {
        SecondLevelPageTableBuilder b = new SecondLevelPageTableBuilder(mem, cpu, 48, this::page);
        long dir = page();
        long table = page();
        PasidEntry.writeDirectoryEntry(mem, cpu, dir, 0, table, false);
        PasidEntry.secondLevel(b.root(), 48, did).writeTo(mem, cpu, table, 0);
        int bus = sid >>> 8;
        contextTable(bus);
        ScalableContextEntry.forRidPasid(dir, 0, 0).writeTo(mem, cpu, contextTables[bus], upperContextTables[bus],
                sid & 0xff);
        return b;
    }

    long scalableContextEntryAddress(int sid) {
        int bus = sid >>> 8;
        contextTable(bus);
        return ((sid & 0x80) == 0 ? contextTables[bus] : upperContextTables[bus]) + 32L * (sid & 0x7f);
    }

    Translation translate(int sid, long address, boolean write) {
        return unit.translate(sid, address, write, 64, out);
    }

    FaultRecord frcd(int i) {
        long base = params.faultRecordingOffsetBytes() + 16L * i;
        return FaultRecord.decode(unit.readq(base), unit.readq(base + 8));
    }

    /** Linux's dmar_fault: clear F of FRCD {@code i} with a 32-bit write to its top dword. */
    void clearFrcd(int i) {
        unit.writel(params.faultRecordingOffsetBytes() + 16L * i + 12, 1 << 31);
    }

    /** IRTA, SIRTP, IEC global invalidation, IRE (Linux's intel_setup_irq_remapping / iommu_set_irq_remapping). */
    void enableInterruptRemapping(int sizeField, boolean x2apic) {
        unit.writeq(IRTA_REG, IRT | (x2apic ? IRTA_EIME : 0) | sizeField);
        command(gcmd | GCMD_SIRTP, GSTS_IRTPS, true);
        submitAndWait(InvalidationDescriptor.interruptEntryCacheGlobal());
        gcmd |= GCMD_IRE;
        command(gcmd, GSTS_IRES, true);
    }

    /** Remappable-format MSI address for {@code handle} (5.1.2.2), without subhandle. */
    static long remappableMsiAddress(int handle) {
        return 0xfee0_0000L | ((long) (handle & 0x7fff) << 5) | 0x10 | ((long) ((handle >>> 15) & 1) << 2);
    }
}
