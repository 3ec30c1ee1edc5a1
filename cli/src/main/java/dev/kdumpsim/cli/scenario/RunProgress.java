package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.core.Simulation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A long single run's progress on an interactive terminal, like a sweep's bar: after the first
 * second of wall time, one line on stderr redrawn four times a second with the simulation time
 * reached and the events executed, erased when the run ends. It only reads the simulation from
 * a daemon thread (a torn or stale read shows a stale number, never changes the run), so output
 * files and the run itself are the same with or without it. Not shown off a terminal or under CI.
 */
final class RunProgress implements AutoCloseable {

    private static final long FIRST_MS = 1000;
    private static final long EVERY_MS = 250;

    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private volatile Simulation sim;
    private volatile boolean drawn;

    private RunProgress(PrintWriter err, boolean show) {
        this.err = err;
        if (show) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kdumpsim-run-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::draw, FIRST_MS, EVERY_MS, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Shown only when {@code console} and the {@code CI} variable is unset or empty. */
    static RunProgress start(PrintWriter err, boolean console, String ciVariable) {
        return new RunProgress(err, console && (ciVariable == null || ciVariable.isEmpty()));
    }

    /** The run's simulation, once assembled. */
    void watch(Simulation s) {
        this.sim = s;
    }

    private void draw() {
        Simulation s = sim;
        if (s == null) {
            return;
        }
        synchronized (err) {
            err.print(line(s.now(), s.executedEvents()));
            err.flush();
            drawn = true;
        }
    }

    static String line(long nowNs, long events) {
        return String.format(Locale.ROOT, "\rkdumpsim: simulating... %.3f s of simulation time, %,d events\u001b[K",
                nowNs / 1e9, events);
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
