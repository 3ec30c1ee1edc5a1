package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.log.Ratelimit;
import dev.kdumpsim.kernel.version.DmarFaultFormat;
import dev.kdumpsim.vtd.DmarUnit;
import dev.kdumpsim.vtd.FaultReason;
import dev.kdumpsim.vtd.FaultRecord;
import dev.kdumpsim.vtd.VtdInterruptListener;

/**
 * {@code dmar_fault} and {@code dmar_fault_do_one} of drivers/iommu/dmar.c (drivers/iommu/intel/
 * from 5.8), the unit's fault interrupt handler: read FSTS and print "DRHD: handling fault status
 * reg %x"; if PPF, walk the fault recording registers from FSTS.FRI: read the upper dword, stop
 * at the first with F clear, read SID and FI, clear F with a 32-bit write, print the record in
 * the release's {@link DmarFaultFormat} (the interrupt-remapping form for reasons 20h-2Fh), next
 * record modulo CAP.NFR; finally write PFO|PPF to FSTS. From c43fce4eebae (v4.7) every print
 * goes through one {@code __ratelimit} state of 10 per 5 s: the header once, and each loop
 * iteration (the one that finds F clear included), a ratelimited record being cleared unprinted.
 *
 * <p>The handler is a hard IRQ handler printing synchronously, so it drains at console speed: the
 * next record is read when the previous line was printed, and faults arriving meanwhile find
 * full FRCDs (PFO). Prints use pr_fmt "DMAR: " (the v4.0/v4.1 "dmar: " prefix is not modelled).
 */
final class DmarFaultHandler implements VtdInterruptListener {

    /** Fault-event MSI to handler entry; a model value. */
    static final long IRQ_NS = 2_000;
    static final String PREFIX = "DMAR: ";

    private final KernelContext k;
    private final DmarUnit unit;
    private final DmarFaultFormat format;
    private final Ratelimit ratelimit;
    private final ConsolePrinter console;
    private final int fro;
    private final int nfr;
    private boolean running;
    private boolean again;
    private boolean dead;
    /** Callers of {@link #clearPrevious(Runnable)} waiting for the current walk to end. */
    private Runnable afterWalk;
    private long printed;
    private long suppressed;

    DmarFaultHandler(KernelContext k, DmarUnit unit, DmarFaultFormat format, boolean ratelimited) {
        this.k = k;
        this.unit = unit;
        this.format = format;
        this.ratelimit = ratelimited ? Ratelimit.defaultState("dmar_fault") : null;
        this.console = new ConsolePrinter(k.sim(), k.log());
        long cap = unit.readq(CAP_REG);
        this.fro = (int) (((cap >>> 24) & 0x3ff) * 16); // cap_fault_reg_offset
        this.nfr = (int) ((cap >>> 40) & 0xff) + 1;     // cap_num_fault_regs
    }

    @Override
    public void onFaultEvent() {
        if (dead) {
            return;
        }
        if (running) {
            again = true;
            return;
        }
        running = true;
        k.sim().scheduleAfter(IRQ_NS, x -> handle(), 0);
    }

    /** {@code dmar_fault(-1, iommu)}: "Clear any previous faults" at init, printing what it finds. */
    void clearPrevious() {
        clearPrevious(null);
    }

    /**
     * {@code dmar_fault} called directly (by {@code intel_iommu_init_qi} with irq -1, by
     * {@code enable_drhd_fault_handling} with the unit's irq): walks the fault recording registers
     * now, printing what it finds, and runs {@code then} once the walk is over. If the interrupt
     * handler is already walking them, {@code then} runs when that walk ends (the caller waits for
     * {@code iommu->register_lock}).
     */
    void clearPrevious(Runnable then) {
        if (then != null) {
            afterWalk = afterWalk == null ? then : chain(afterWalk, then);
        }
        if (!running) {
            running = true;
            handle();
        }
    }

    private static Runnable chain(Runnable a, Runnable b) {
        return () -> {
            a.run();
            b.run();
        };
    }

    /** The kernel stopped: its CPUs take no more interrupts. */
    void kernelStopped() {
        dead = true;
    }

    long printed() {
        return printed;
    }

    long suppressed() {
        return suppressed;
    }

    private boolean allow() {
        return ratelimit == null || ratelimit.allow(k.log());
    }

    private void handle() {
        if (dead) {
            stop();
            return;
        }
        int fsts = unit.readl(FSTS_REG);
        if (fsts != 0 && allow()) {
            console.print(LogLevel.ERR, PREFIX, "DRHD: handling fault status reg %x\n", fsts);
        }
        if ((fsts & FSTS_PPF) == 0) {
            finish();
            return;
        }
        next((fsts >>> FSTS_FRI_SHIFT) & 0xff);
    }

    private void next(int index) {
        if (dead) {
            stop();
            return;
        }
        boolean limited = !allow();
        long base = fro + (long) FRCD_REG_SIZE * index;
        int top = unit.readl(base + 12);
        if ((top & (1 << 31)) == 0) {
            finish();
            return;
        }
        FaultRecord r = FaultRecord.decode(unit.readq(base), unit.readq(base + 8));
        unit.writel(base + 12, 1 << 31); // clear F
        int following = (index + 1) % nfr;
        if (limited) {
            suppressed++;
            next(following);
            return;
        }
        printed++;
        print(r);
        console.then(() -> next(following));
    }

    private void finish() {
        unit.writel(FSTS_REG, FSTS_PFO | FSTS_PPF);
        stop();
        if (again) {
            again = false;
            onFaultEvent();
        }
    }

    /** The walk ends: whoever waited for it ({@link #clearPrevious(Runnable)}) goes on. */
    private void stop() {
        running = false;
        Runnable r = afterWalk;
        afterWalk = null;
        if (r != null) {
            r.run();
        }
    }

    /** {@code dmar_fault_do_one}. */
    private void print(FaultRecord r) {
        int sid = r.sourceId();
        long bus = sid >>> 8;
        long slot = (sid >>> 3) & 0x1f;
        long fn = sid & 7;
        long reason = r.reason();
        String text = FaultReason.linuxName(r.reason());
        String type = r.read() ? "DMA Read" : "DMA Write";
        boolean ir = FaultReason.isInterruptRemapping(r.reason());
        long index = r.faultInfo() >>> 48;
        long addr = r.faultInfo();
        switch (format) {
            case V4_0_TWO_LINES -> {
                if (ir) {
                    console.print(LogLevel.ERR, PREFIX, "INTR-REMAP: Request device [[%02x:%02x.%d] fault index %llx\n",
                            bus, slot, fn, index);
                    console.print(LogLevel.ERR, "", "INTR-REMAP:[fault reason %02d] %s\n", reason, text);
                } else {
                    console.print(LogLevel.ERR, PREFIX, "DMAR:[%s] Request device [%02x:%02x.%d] fault addr %llx \n",
                            type, bus, slot, fn, addr);
                    console.print(LogLevel.ERR, "", "DMAR:[fault reason %02d] %s\n", reason, text);
                }
            }
            case V4_7_ONE_LINE, V5_5_PASID -> {
                if (ir) {
                    console.print(LogLevel.ERR, PREFIX,
                            "[INTR-REMAP] Request device [%02x:%02x.%d] fault index %llx [fault reason %02d] %s\n",
                            bus, slot, fn, index, reason, text);
                } else if (format == DmarFaultFormat.V4_7_ONE_LINE) {
                    console.print(LogLevel.ERR, PREFIX,
                            "[%s] Request device [%02x:%02x.%d] fault addr %llx [fault reason %02d] %s\n",
                            type, bus, slot, fn, addr, reason, text);
                } else {
                    // requests without PASID: "Using pasid -1 if pasid is not present"
                    console.print(LogLevel.ERR, PREFIX,
                            "[%s] Request device [%02x:%02x.%d] PASID %x fault addr %llx [fault reason %02d] %s\n",
                            type, bus, slot, fn, -1, addr, reason, text);
                }
            }
            case V5_14_NO_PASID_HEX_BDF -> console.print(LogLevel.ERR, PREFIX, ir
                    ? "[INTR-REMAP] Request device [0x%02x:0x%02x.%d] fault index 0x%llx [fault reason 0x%02x] %s\n"
                    : "[" + type + " NO_PASID] Request device [0x%02x:0x%02x.%d] fault addr 0x%llx [fault reason 0x%02x] %s\n",
                    bus, slot, fn, ir ? index : addr, reason, text);
            default -> console.print(LogLevel.ERR, PREFIX, ir
                    ? "[INTR-REMAP] Request device [%02x:%02x.%d] fault index 0x%llx [fault reason 0x%02x] %s\n"
                    : "[" + type + " NO_PASID] Request device [%02x:%02x.%d] fault addr 0x%llx [fault reason 0x%02x] %s\n",
                    bus, slot, fn, ir ? index : addr, reason, text);
        }
    }
}
