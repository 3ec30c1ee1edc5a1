package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.log.Ratelimit;
import dev.kdumpsim.kernel.version.SmmuEventDump;
import dev.kdumpsim.smmuv3.EventId;
import dev.kdumpsim.smmuv3.SmmuIrqListener;
import dev.kdumpsim.smmuv3.SmmuV3;
import java.util.function.IntFunction;

/**
 * {@code arm_smmu_evtq_thread} and {@code arm_smmu_gerror_handler}. The threaded IRQ drains the
 * event queue from memory: for each record it prints {@code "event 0x%02x received:"} and the four
 * dwords as {@code "\t0x%016llx"} (dev_info), under one shared ratelimit in v5.14+; once the queue
 * reads empty it checks PROD.OVFLG against CONS.OVACKFLG ({@code queue_sync_prod}), prints
 * "EVTQ overflow detected -- events lost" and acknowledges, and loops while the queue is not
 * empty. Printing goes through the synchronous console, so a flood drains at console speed.
 * From d814b70b9b90 the dwords are printed at err level and followed by a decoded line.
 */
final class SmmuEventThread implements SmmuIrqListener, EventHandler {

    /** Hard-IRQ to thread wake-up latency; a model value. */
    static final long THREAD_WAKE_NS = 20_000;

    private final KernelContext k;
    private final SmmuV3 smmu;
    private final long base;
    private final int log2;
    private final Ratelimit ratelimit;
    private final ConsolePrinter console;
    private final SmmuEventDump dump;
    private final IntFunction<String> clientOf;
    private boolean running;
    private boolean dead;
    private long dumped;
    private long suppressed;
    private long overflowReports;
    private long consumed;

    SmmuEventThread(KernelContext k, SmmuV3 smmu, long base, int log2, boolean ratelimited, SmmuEventDump dump,
            IntFunction<String> clientOf) {
        this.k = k;
        this.dump = dump;
        this.clientOf = clientOf;
        this.smmu = smmu;
        this.base = base;
        this.log2 = log2;
        // "%s: %d callbacks suppressed" names the __ratelimit() caller: the thread until d814b70b9b90
        // moved the check into arm_smmu_dump_event
        this.ratelimit = !ratelimited ? null
                : Ratelimit.defaultState(dump == SmmuEventDump.DECODED_ERR ? "arm_smmu_dump_event" : "arm_smmu_evtq_thread");
        this.console = new ConsolePrinter(k.sim(), k.log()); // the thread's own printing context
    }

    /** The kernel stopped (panic): its CPUs no longer take interrupts. */
    public void kernelStopped() {
        dead = true;
    }

    @Override
    public void onEventQueueIrq() {
        if (!running && !dead) {
            running = true;
            k.sim().scheduleAfter(THREAD_WAKE_NS, this, 0);
        }
    }

    @Override
    public void onGerrorIrq() {
        if (dead) {
            return;
        }
        int gerror = smmu.readl(GERROR);
        int active = gerror ^ smmu.readl(GERRORN);
        if (active == 0) {
            return;
        }
        console.print(LogLevel.WARNING, ArmSmmuV3Driver.DEV_PREFIX,
                "unexpected global error reported (0x%08x), this could be serious\n", active);
        smmu.writel(GERRORN, gerror);
    }

    @Override
    public void onEvent(long unused) {
        if (dead) {
            running = false;
            return;
        }
        int mask = (1 << log2) - 1;
        int wrap = 1 << log2;
        while (true) {
            int prod = smmu.readl(EVENTQ_PROD);
            int cons = smmu.readl(EVENTQ_CONS);
            if ((prod & (wrap | mask)) == (cons & (wrap | mask))) {
                // queue_sync_prod: overflow flag toggled since our last acknowledgement
                if ((prod & Q_OVERFLOW_FLAG) != (cons & Q_OVERFLOW_FLAG)) {
                    overflowReports++;
                    smmu.writel(EVENTQ_CONS, (cons & ~Q_OVERFLOW_FLAG) | (prod & Q_OVERFLOW_FLAG));
                    console.print(LogLevel.ERR, ArmSmmuV3Driver.DEV_PREFIX, "EVTQ overflow detected -- events lost\n");
                    console.then(() -> onEvent(0));
                    return;
                }
                running = false;
                return;
            }
            long a = base + 32L * (cons & mask);
            long d0 = k.memory().readLong(k.cpuAgent(), a);
            long d1 = k.memory().readLong(k.cpuAgent(), a + 8);
            long d2 = k.memory().readLong(k.cpuAgent(), a + 16);
            long d3 = k.memory().readLong(k.cpuAgent(), a + 24);
            int next = ((cons & (wrap | mask)) + 1) & (wrap | mask);
            smmu.writel(EVENTQ_CONS, (cons & Q_OVERFLOW_FLAG) | next);
            consumed++;
            if (ratelimit != null && !ratelimit.allow(k.log())) {
                suppressed++;
                continue;
            }
            dumped++;
            int id = (int) (d0 & 0xff);
            String p = ArmSmmuV3Driver.DEV_PREFIX;
            LogLevel level = dump == SmmuEventDump.RAW_INFO ? LogLevel.INFO : LogLevel.ERR;
            console.print(level, p, "event 0x%02x received:\n", id);
            console.print(level, p, "\t0x%016llx\n", d0);
            console.print(level, p, "\t0x%016llx\n", d1);
            console.print(level, p, "\t0x%016llx\n", d2);
            console.print(level, p, "\t0x%016llx\n", d3);
            if (dump == SmmuEventDump.DECODED_ERR) {
                printDecoded(p, id, d0, d2);
            }
            console.then(() -> onEvent(0));
            return;
        }
    }

    /**
     * d814b70b9b90 {@code arm_smmu_dump_event}: the event's name, the client (the master's
     * dev_name, "(unassigned sid)" when no master has the StreamID), the StreamID and SubstreamID
     * (0 without SSV), and for translation faults the input address.
     */
    private void printDecoded(String p, int id, long d0, long d2) {
        int sid = (int) (d0 >>> 32);
        long ssid = (d0 & (1L << 11)) != 0 ? (d0 >>> 12) & 0xfffff : 0;
        String name = EventId.name(id);
        String client = clientOf.apply(sid);
        if (EventId.hasTransactionFields(id) && id >= EventId.F_TRANSLATION && id <= EventId.F_PERMISSION) {
            console.print(LogLevel.ERR, p, "event: %s client: %s sid: %#x ssid: %#x iova: %#llx ipa: %#llx\n", name,
                    client, (long) sid, ssid, d2, 0L);
        } else {
            console.print(LogLevel.ERR, p, "event: %s client: %s sid: %#x ssid: %#x\n", name, client, (long) sid, ssid);
        }
    }

    /** Events whose five lines were printed. */
    public long dumped() {
        return dumped;
    }

    /** Events consumed without printing (ratelimited). */
    public long suppressed() {
        return suppressed;
    }

    /** "EVTQ overflow detected" lines printed. */
    public long overflowReports() {
        return overflowReports;
    }

    /** Records read from the queue. */
    public long consumed() {
        return consumed;
    }
}
