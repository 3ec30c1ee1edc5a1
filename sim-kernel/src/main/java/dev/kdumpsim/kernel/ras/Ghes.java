package dev.kdumpsim.kernel.ras;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.KernelPanic;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.log.Ratelimit;
import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.pci.err.ErrorRecovery;
import dev.kdumpsim.kernel.pci.err.PciChannelState;
import dev.kdumpsim.kernel.version.AerRecoveryFormat;
import dev.kdumpsim.kernel.version.AerPrintFormat;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.Bdf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * The kernel's APEI GHES driver for one firmware-first error source (drivers/acpi/apei/ghes.c),
 * with the AER hand-off of drivers/pci/pcie/aer.c:
 *
 * <ul>
 *   <li>{@code ghes_probe} registers for the source's notification (a level-triggered GSIV here:
 *       a record firmware wrote before the probe is taken as soon as the handler is in);</li>
 *   <li>{@code ghes_proc}: a block of fatal severity goes to {@code __ghes_panic} (the record at
 *       KERN_EMERG, not ratelimited, then panic "Fatal hardware error!" with panic_timeout 30);
 *       otherwise the record is printed unless the estatus cache holds it (4 entries, 10 s) and
 *       the ratelimit allows it (5 s, burst 2: "ghes_print_estatus: N callbacks suppressed"), then
 *       {@code ghes_do_proc} -> {@code ghes_handle_aer} -> {@code aer_recover_queue}, and the block is
 *       acknowledged ({@code ghes_clear_estatus});</li>
 *   <li>{@code aer_recover_work_func} (a work item): {@code cper_print_aer} with the device's driver
 *       prefix, then recovery for a non-fatal or fatal AER severity.</li>
 * </ul>
 */
public final class Ghes {

    /** From firmware's notification to ghes_irq_func running; a model value. */
    static final long IRQ_LATENCY_NS = 5_000;
    /** From schedule_work to aer_recover_work_func running on the system workqueue; a model value. */
    static final long WORK_NS = 50_000;
    /** AER_RECOVER_RING_SIZE (aer.c): 16 entries. */
    static final int RECOVER_RING = 16;
    /** GHES_ESTATUS_CACHES_SIZE. */
    static final int CACHE_ENTRIES = 4;
    /** GHES_ESTATUS_IN_CACHE_MAX_NSEC. */
    static final long CACHE_NS = 10_000_000_000L;
    /** ghes_panic_timeout. */
    static final int PANIC_TIMEOUT_S = 30;

    private record Cached(CperPcieError record, long atNs) {
    }

    private final KernelContext k;
    private final FirmwareFirstHandler firmware;
    private final AerReporter reporter;
    private final ErrorRecovery recovery;
    private final IntFunction<String> devPrefixOf;
    private final KernelPanic panic;
    private final BooleanSupplier alive;
    private final CperPrinter printer;
    private final Ratelimit uncorrected;
    private final List<Cached> cache = new ArrayList<>();
    private final ArrayDeque<CperPcieError> recoverRing = new ArrayDeque<>();
    private boolean workRunning;
    private long printedRecords;
    private long cachedRecords;

    public Ghes(KernelContext k, FirmwareFirstHandler firmware, AerReporter reporter, ErrorRecovery recovery,
            IntFunction<String> devPrefixOf, KernelPanic panic, BooleanSupplier alive) {
        this.k = k;
        this.firmware = firmware;
        this.reporter = reporter;
        this.recovery = recovery;
        this.devPrefixOf = devPrefixOf;
        this.panic = panic;
        this.alive = alive;
        this.printer = new CperPrinter(k.version());
        this.uncorrected = new Ratelimit("ghes_print_estatus", 5L * Ratelimit.DEFAULT_HZ, 2, Ratelimit.DEFAULT_HZ);
    }

    /** {@code ghes_probe}: from now on firmware's notifications reach ghes_proc; one already raised is taken now. */
    public void probe() {
        firmware.notifyTo(e -> k.sim().scheduleAfter(IRQ_LATENCY_NS, x -> proc(), 0));
        if (firmware.pending() != null) {
            k.sim().scheduleAfter(IRQ_LATENCY_NS, x -> proc(), 0);
        }
    }

    /** {@code ghes_proc}. */
    private void proc() {
        CperPcieError e = firmware.pending();
        if (e == null || !alive.getAsBoolean()) {
            return;
        }
        if (e.severity() == CperSeverity.FATAL) {
            printer.print(k.console(), e, LogLevel.EMERG); // __ghes_panic: __ghes_print_estatus(KERN_EMERG, ...)
            firmware.acknowledge();
            panic.panic("Fatal hardware error!", PANIC_TIMEOUT_S);
            return;
        }
        long now = k.sim().now();
        if (!cached(e, now) && uncorrected.allow(k.log())) {
            printer.print(k.console(), e, null);
            printedRecords++;
            addToCache(e, now);
        }
        // ghes_proc prints synchronously, then ghes_do_proc, then ghes_clear_estatus frees the block
        k.console().then(() -> {
            handleAer(e);
            firmware.acknowledge();
        });
    }

    private boolean cached(CperPcieError e, long now) {
        for (Cached c : cache) {
            if (now - c.atNs < CACHE_NS && c.record.sameAs(e)) {
                cachedRecords++;
                return true;
            }
        }
        return false;
    }

    /** ghes_estatus_cache_add: a free slot, else the one held longest. */
    private void addToCache(CperPcieError e, long now) {
        if (cache.size() < CACHE_ENTRIES) {
            cache.add(new Cached(e, now));
            return;
        }
        int oldest = 0;
        for (int i = 1; i < cache.size(); i++) {
            if (cache.get(i).atNs < cache.get(oldest).atNs) {
                oldest = i;
            }
        }
        cache.set(oldest, new Cached(e, now));
    }

    /**
     * {@code ghes_handle_aer} -> {@code aer_recover_queue}: 4.14 queues only a recoverable record
     * (block and section); from 4.19 every PCIe section with a device id and AER info.
     */
    private void handleAer(CperPcieError e) {
        boolean v414 = k.version().get(Behaviours.AER_RECOVERY) == AerRecoveryFormat.V4_14;
        if (v414 && e.severity() != CperSeverity.RECOVERABLE) {
            return;
        }
        if (recoverRing.size() >= RECOVER_RING) {
            k.console().print(LogLevel.ERR, "", "%s\n", overflowLine(k.version().get(Behaviours.AER_PRINT), e.bdf()));
            return;
        }
        recoverRing.add(e);
        if (!workRunning) {
            workRunning = true;
            k.sim().scheduleAfter(WORK_NS, x -> recoverWork(), 0);
        }
    }

    /**
     * {@code aer_recover_queue}'s {@code pr_err} when its ring is full, with aer.c's {@code pr_fmt}
     * ("AER: " from 5.2): "AER recover: Buffer overflow when recovering AER for %04x:%02x:%02x:%x",
     * reworded by 6.8 to "buffer overflow in recovery for %04x:%02x:%02x.%x".
     */
    static String overflowLine(AerPrintFormat print, int bdf) {
        String at = String.format(java.util.Locale.ROOT, "%04x:%02x:%02x", 0, Bdf.bus(bdf), Bdf.device(bdf));
        return print == AerPrintFormat.V6_8
                ? print.devFmt() + "buffer overflow in recovery for " + at + "." + Integer.toHexString(Bdf.function(bdf))
                : print.devFmt() + "AER recover: Buffer overflow when recovering AER for " + at + ":"
                        + Integer.toHexString(Bdf.function(bdf));
    }

    /** {@code aer_recover_work_func}: one entry at a time, each waiting for its recovery. */
    private void recoverWork() {
        CperPcieError e = recoverRing.poll();
        if (e == null || !alive.getAsBoolean()) {
            workRunning = false;
            return;
        }
        String prefix = devPrefixOf.apply(e.bdf());
        reporter.print(k.console(), e.bdf(), prefix, 0, e.aer());
        // cper_severity_to_aer(section severity): recoverable -> AER_NONFATAL, fatal -> AER_FATAL, else correctable
        PciChannelState state = switch (e.severity()) {
            case RECOVERABLE -> PciChannelState.NORMAL;
            case FATAL -> PciChannelState.FROZEN;
            default -> null;
        };
        if (state == null) {
            recoverWork();
            return;
        }
        recovery.recover(e.bdf(), state, o -> k.console().then(this::recoverWork));
    }

    /** Records printed (not cached, not ratelimited). */
    public long printedRecords() {
        return printedRecords;
    }

    /** Records the estatus cache kept from the console. */
    public long cachedRecords() {
        return cachedRecords;
    }

    /** Records the ratelimit kept from the console. */
    public long suppressedRecords() {
        return uncorrected.suppressedTotal();
    }
}
