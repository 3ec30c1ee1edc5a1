package dev.kdumpsim.kernel.log;

/**
 * {@code struct ratelimit_state} and {@code ___ratelimit()} of lib/ratelimit.c (v4.19; the
 * logic is the same through v6.5, later rewritten with atomics by Paul McKenney but keeping
 * the message).
 *
 * <p>Per call: if the state is new, {@code begin = jiffies}. If {@code
 * time_is_before_jiffies(begin + interval)} (jiffies strictly past the end of the interval) a
 * new interval starts: when {@code missed > 0} the kernel prints
 * {@code printk_deferred(KERN_WARNING "%s: %d callbacks suppressed\n", func, missed)} and resets
 * missed, then {@code begin = jiffies, printed = 0}. Then the call is allowed while
 * {@code printed < burst}, else {@code missed++}. So the "suppressed" line appears lazily, at
 * the first call after the interval, before that call's own message; {@code func} is the
 * {@code __func__} of the {@code __ratelimit()} caller (for the SMMUv3 event dump that is
 * {@code arm_smmu_evtq_thread}). Time is in jiffies of {@code CONFIG_HZ}.
 * Not modelled: the trylock contention path ({@code return 0} when the lock is busy) and
 * {@code RATELIMIT_MSG_ON_RELEASE}.
 */
public final class Ratelimit {

    /** Kconfig.hz default {@code HZ_250} (arm64 defconfig does not override it). */
    public static final int DEFAULT_HZ = 250;
    /** include/linux/ratelimit.h {@code DEFAULT_RATELIMIT_INTERVAL (5 * HZ)}, in seconds. */
    public static final int DEFAULT_INTERVAL_SECONDS = 5;
    /** {@code DEFAULT_RATELIMIT_BURST}. */
    public static final int DEFAULT_BURST = 10;

    private final String func;
    private final long intervalJiffies;
    private final int burst;
    private final int hz;
    private boolean initialized;
    private long begin;
    private int printed;
    private int missed;
    private long allowedTotal;
    private long suppressedTotal;
    private long suppressedReported;

    /**
     * @param func            {@code __func__} of the caller, used in the "callbacks suppressed" line
     * @param intervalJiffies {@code rs->interval}; 0 disables limiting
     * @param burst           {@code rs->burst}
     * @param hz              {@code CONFIG_HZ}
     */
    public Ratelimit(String func, long intervalJiffies, int burst, int hz) {
        if (hz <= 0 || intervalJiffies < 0 || burst < 0) {
            throw new IllegalArgumentException("bad ratelimit: interval=" + intervalJiffies + " burst=" + burst + " hz=" + hz);
        }
        this.func = func;
        this.intervalJiffies = intervalJiffies;
        this.burst = burst;
        this.hz = hz;
    }

    /** {@code DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST)}. */
    public static Ratelimit defaultState(String func) {
        return new Ratelimit(func, (long) DEFAULT_INTERVAL_SECONDS * DEFAULT_HZ, DEFAULT_BURST, DEFAULT_HZ);
    }

    /** {@code __ratelimit(&rs)} at {@code log}'s current clock; prints the suppressed line into {@code log}. */
    public boolean allow(KernelLog log) {
        return allow(log, log.clockNs());
    }

    /** {@code ___ratelimit(rs, func)} at kernel time {@code kernelTimeNs}. */
    public boolean allow(KernelLog log, long kernelTimeNs) {
        if (intervalJiffies == 0) {
            allowedTotal++;
            return true;
        }
        long jiffies = kernelTimeNs * hz / 1_000_000_000L; // exact for runs shorter than 100 days
        if (!initialized) {
            initialized = true;
            begin = jiffies;
        }
        if (jiffies > begin + intervalJiffies) { // time_is_before_jiffies(begin + interval)
            if (missed > 0) {
                if (log != null) {
                    log.printkAt(kernelTimeNs, LogLevel.WARNING, "", "%s: %d callbacks suppressed\n", func, missed);
                }
                suppressedReported += missed;
                missed = 0;
            }
            begin = jiffies;
            printed = 0;
        }
        if (burst > 0 && burst > printed) {
            printed++;
            allowedTotal++;
            return true;
        }
        missed++;
        suppressedTotal++;
        return false;
    }

    /** Calls allowed so far. */
    public long allowedTotal() {
        return allowedTotal;
    }

    /** Calls suppressed so far (reported or not). */
    public long suppressedTotal() {
        return suppressedTotal;
    }

    /** Suppressed calls already announced by a "callbacks suppressed" line. */
    public long suppressedReported() {
        return suppressedReported;
    }

    /** {@code rs->missed}: suppressed in the current interval, not yet announced. */
    public int missed() {
        return missed;
    }
}
