package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;

/**
 * The Non-secure command queue consumer (IHI0070 §3.5, §4): SMMU_CMDQ_BASE/PROD/CONS. While
 * CMDQEN=1 (acknowledged) and PROD != CONS the SMMU reads one 16-byte command at CONS, takes
 * {@link SmmuParameters#commandLatencyNs()} to execute it, then advances CONS.
 *
 * <p>Commands: PREFETCH_* (no-op, §4.2), CFGI_STE / CFGI_STE_RANGE (incl. CFGI_ALL = Range 31) /
 * CFGI_CD / CFGI_CD_ALL (config cache), TLBI_NH_ALL / NH_ASID / NH_VA / NH_VAA / EL2_* /
 * NSNH_ALL / S12_VMALL (TLB), CMD_SYNC (completes in order; CS=IRQ with an MSI address writes
 * MSIData there, §4.7.3). An unknown opcode, or one for a feature IDR0 does not advertise, is
 * CERROR_ILL (§4.1.4, §7.1): CONS stays on it, CONS.ERR = 1, GERROR.CMDQ_ERR is activated and
 * consumption stops until software acknowledges through GERRORN (Linux's
 * {@code arm_smmu_cmdq_skip_err} first overwrites the bad entry with a CMD_SYNC).
 */
final class SmmuCommandQueue implements EventHandler {

    static final int ENTRY_BYTES = 16;

    private final Simulation sim;
    private final PhysicalMemory mem;
    private final int agent;
    private final SmmuParameters params;
    private final SmmuV3 smmu;
    long base;
    int prod;
    int cons;
    boolean enabled;
    private boolean busy;
    long consumed;
    long errors;

    SmmuCommandQueue(Simulation sim, PhysicalMemory mem, int agent, SmmuParameters params, SmmuV3 smmu) {
        this.sim = sim;
        this.mem = mem;
        this.agent = agent;
        this.params = params;
        this.smmu = smmu;
    }

    int log2size() {
        return Math.min((int) (base & SmmuRegisters.Q_LOG2SIZE_MASK), params.commandQueueLog2Max());
    }

    int pointerMask() {
        return (2 << log2size()) - 1;
    }

    boolean isEmpty() {
        int m = pointerMask();
        return (prod & m) == (cons & m);
    }

    /** Starts consuming if there is work and nothing stops it. */
    void kick() {
        if (!busy && enabled && !smmu.cmdqErrorActive() && !isEmpty()) {
            busy = true;
            sim.scheduleAfter(params.commandLatencyNs(), this, 0);
        }
    }

    @Override
    public void onEvent(long arg) {
        busy = false;
        if (!enabled || smmu.cmdqErrorActive() || isEmpty()) {
            return;
        }
        int n = log2size();
        long addr = (base & SmmuRegisters.Q_BASE_ADDR_MASK & -Math.max(32L, (long) ENTRY_BYTES << n))
                + (long) ENTRY_BYTES * (cons & ((1 << n) - 1));
        long dw0 = mem.readLong(agent, addr);
        long dw1 = mem.readLong(agent, addr + 8);
        if (!execute(dw0, dw1)) {
            errors++;
            cons = (cons & pointerMask()) | (SmmuRegisters.CERROR_ILL << SmmuRegisters.CMDQ_CONS_ERR_SHIFT);
            smmu.raiseGerror(SmmuRegisters.GERROR_CMDQ_ERR);
            return;
        }
        consumed++;
        cons = (cons & SmmuRegisters.CMDQ_CONS_ERR_MASK) | ((cons + 1) & pointerMask());
        kick();
    }

    /** Executes one command; false if it is illegal. */
    private boolean execute(long dw0, long dw1) {
        int op = (int) (dw0 & 0xff);
        int sid = (int) (dw0 >>> 32);
        switch (op) {
            case Command.CMD_PREFETCH_CONFIG:
            case Command.CMD_PREFETCH_ADDR:
                return true; // prefetch is a hint: nothing to do (§4.2)
            case Command.CMD_CFGI_STE:
            case Command.CMD_CFGI_CD_ALL:
                smmu.configCache().invalidate(sid);
                return true;
            case Command.CMD_CFGI_CD:
                smmu.configCache().invalidate(sid); // CD 0 is cached with its STE
                return true;
            case Command.CMD_CFGI_STE_RANGE: {
                int range = (int) (dw1 & 0x1f);
                long span = 1L << (range + 1);
                long first = (sid & 0xffffffffL) & -span;
                smmu.configCache().invalidateRange(first, Math.min(0xffffffffL, first + span - 1));
                return true;
            }
            case Command.CMD_CFGI_VMS_PIDM:
                return false; // needs IDR3.VMS, not advertised
            case Command.CMD_TLBI_NH_ALL:
            case Command.CMD_TLBI_NSNH_ALL:
                smmu.tlb().invalidateAll();
                return true;
            case Command.CMD_TLBI_NH_ASID:
                smmu.tlb().invalidateMatching((int) (dw0 >>> 48), true, 0, false);
                return true;
            case Command.CMD_TLBI_NH_VA:
                smmu.tlb().invalidateMatching((int) (dw0 >>> 48), true, dw1 & ~0xfffL, true);
                return true;
            case Command.CMD_TLBI_NH_VAA:
                smmu.tlb().invalidateMatching(0, false, dw1 & ~0xfffL, true);
                return true;
            case Command.CMD_TLBI_EL2_ALL:
            case Command.CMD_TLBI_EL2_ASID:
            case Command.CMD_TLBI_EL2_VA:
            case Command.CMD_TLBI_EL2_VAA:
                // EL2 StreamWorld entries are never created here (STRW is not modelled): nothing cached to drop.
                return params.hyp();
            case Command.CMD_TLBI_S12_VMALL:
            case Command.CMD_TLBI_S2_IPA:
                if (params.stage2()) {
                    smmu.tlb().invalidateAll();
                }
                return params.stage2();
            case Command.CMD_TLBI_EL3_ALL:
            case Command.CMD_TLBI_EL3_VA:
                return false; // Secure-only commands on the Non-secure queue are CERROR_ILL
            case Command.CMD_ATC_INV:
                return params.ats(); // no ATCs modelled: nothing to invalidate
            case Command.CMD_PRI_RESP:
                return params.pri();
            case Command.CMD_RESUME:
            case Command.CMD_STALL_TERM:
                return params.stallModel() != 1; // no transaction is ever stalled here
            case Command.CMD_SYNC:
                sync(dw0, dw1);
                return true;
            default:
                return false; // undefined opcode (§4.1.4)
        }
    }

    private void sync(long dw0, long dw1) {
        if (((dw0 >>> 12) & 3) != Command.SYNC_CS_IRQ) {
            return; // CS=none: software polls CONS; CS=SEV: no WFE model
        }
        long msiAddress = dw1 & 0x000f_ffff_ffff_fffcL;
        if (params.msi() && msiAddress != 0) {
            // 32-bit MSI write of MSIData: read-modify-write of the aligned dword holding it.
            long aligned = msiAddress & ~7L;
            int shift = (int) (msiAddress & 4) * 8;
            long old = mem.readLong(agent, aligned);
            long data = (dw0 >>> 32) & 0xffffffffL;
            mem.writeLong(agent, aligned, (old & ~(0xffffffffL << shift)) | (data << shift));
        } else {
            smmu.signalCmdSyncIrq();
        }
    }

    void writeCons(int value) {
        cons = value & (SmmuRegisters.CMDQ_CONS_ERR_MASK | pointerMask());
    }

    void writeProd(int value) {
        prod = value & pointerMask();
        kick();
    }
}
