package dev.kdumpsim.cli.sweep;

import dev.kdumpsim.scenarios.sweep.SweepProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Sweep progress on an interactive terminal: one line redrawn in place with {@code \r}
 * ({@code [=====>    ] 123/500  24.6 variants/s  ETA 0:15}), at most ten times a second, on
 * stderr so stdout stays clean. The clock is injected (nanoseconds), so tests need no wall time.
 */
final class ProgressBar implements SweepProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NS = 100_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long startNs;
    private long lastDrawNs;
    private int resumed;
    private int lastLength;

    ProgressBar(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        startNs = clock.getAsLong();
        resumed = alreadyDone;
        draw(alreadyDone, total, startNs);
    }

    @Override
    public synchronized void advanced(int done, int total) {
        long now = clock.getAsLong();
        if (now - lastDrawNs >= REDRAW_NS) {
            draw(done, total, now);
        }
    }

    @Override
    public synchronized void finished(int done, int total) {
        draw(done, total, clock.getAsLong());
        err.print('\n');
        err.flush();
    }

    private void draw(int done, int total, long now) {
        lastDrawNs = now;
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        StringBuilder b = new StringBuilder("\r[");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        b.append("] ").append(done).append('/').append(total);
        double seconds = (now - startNs) / 1e9;
        int ran = done - resumed;
        if (ran > 0 && seconds > 0) {
            double rate = ran / seconds;
            b.append(String.format(Locale.ROOT, "  %.1f variants/s  ETA %s", rate, PlainProgress.duration((total - done) / rate)));
        }
        int length = b.length();
        for (int i = length; i < lastLength; i++) {
            b.append(' '); // erase the rest of a longer previous line
        }
        lastLength = length;
        err.print(b);
        err.flush();
    }
}
