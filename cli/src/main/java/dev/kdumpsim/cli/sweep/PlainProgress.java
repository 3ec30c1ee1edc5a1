package dev.kdumpsim.cli.sweep;

import dev.kdumpsim.scenarios.sweep.SweepProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Sweep progress for logs (no terminal, or {@code CI} set): a plain line each time another 10%
 * of the variants is done or 10 s have passed since the last line, and one at the end. No
 * escape codes or carriage returns, which CI logs show as noise.
 */
final class PlainProgress implements SweepProgress {

    private static final long INTERVAL_NS = 10_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long startNs;
    private long lastLineNs;
    private int resumed;
    private int nextTenth;

    PlainProgress(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        startNs = clock.getAsLong();
        lastLineNs = startNs;
        resumed = alreadyDone;
        nextTenth = total == 0 ? 11 : (int) ((long) alreadyDone * 10 / total) + 1;
        err.println("sweep: " + total + " variants" + (alreadyDone > 0 ? ", " + alreadyDone + " already done (resumed)" : ""));
        err.flush();
    }

    @Override
    public synchronized void advanced(int done, int total) {
        long now = clock.getAsLong();
        boolean tenth = (long) done * 10 >= (long) nextTenth * total;
        if (tenth || now - lastLineNs >= INTERVAL_NS) {
            while ((long) done * 10 >= (long) nextTenth * total && nextTenth <= 10) {
                nextTenth++;
            }
            line(done, total, now);
        }
    }

    @Override
    public synchronized void finished(int done, int total) {
        long now = clock.getAsLong();
        err.println(String.format(Locale.ROOT, "sweep: %d/%d done in %s%s", done, total, duration((now - startNs) / 1e9),
                rate(done, now).isEmpty() ? "" : " (" + rate(done, now) + ")"));
        err.flush();
    }

    private void line(int done, int total, long now) {
        lastLineNs = now;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sweep: %d/%d (%d%%)", done, total, total == 0 ? 100 : done * 100L / total));
        String rate = rate(done, now);
        if (!rate.isEmpty()) {
            double perSecond = (done - resumed) / ((now - startNs) / 1e9);
            b.append(", ").append(rate).append(", ETA ").append(duration((total - done) / perSecond));
        }
        err.println(b);
        err.flush();
    }

    private String rate(int done, long now) {
        double seconds = (now - startNs) / 1e9;
        int ran = done - resumed;
        return ran > 0 && seconds > 0 ? String.format(Locale.ROOT, "%.1f variants/s", ran / seconds) : "";
    }

    /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
