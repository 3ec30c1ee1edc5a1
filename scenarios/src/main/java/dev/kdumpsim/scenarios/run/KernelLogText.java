package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.log.LogRecords;
import dev.kdumpsim.kernel.machine.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A run's kernel.log, read from both kernels' log stores each time it is asked for, never held
 * whole: {@code === kernel #1 ===}, kernel #1's dmesg lines, then {@code === kdump kernel ===} and
 * the kdump kernel's lines when it booted. {@link #writeTo} streams the text (kernel.log, --log
 * full), {@link #lines} gives its lines one at a time (the terminal summary), {@link #toString}
 * makes the whole string for short runs and tests.
 */
public final class KernelLogText {

    private final RunResult result;

    public KernelLogText(RunResult result) {
        this.result = result;
    }

    /** Writes the text to {@code out}, record by record. */
    public void writeTo(Appendable out) throws IOException {
        for (Iterator<String> it = segments(); it.hasNext(); ) {
            out.append(it.next()).append('\n');
        }
    }

    /** The whole text as one string. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        try {
            writeTo(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /**
     * The text's lines as {@code toString().split("\n")} gives them (a record whose message holds a
     * newline is two lines; no empty lines at the end), read as the iteration goes.
     */
    public Iterable<String> lines() {
        return () -> new SplitLines(segments());
    }

    /** Every record's dmesg line of both kernels, in order (what log expectations match): no headers, not split. */
    public Iterable<String> recordLines() {
        return () -> new Iterator<>() {
            private final Iterator<LogRecord> first = result.kernel1Log().iterator();
            private final Iterator<LogRecord> kdump = result.kdumpLog().iterator();

            @Override
            public boolean hasNext() {
                return first.hasNext() || kdump.hasNext();
            }

            @Override
            public String next() {
                return (first.hasNext() ? first : kdump).next().line();
            }
        };
    }

    /** The text as the pieces each followed by one "\n": headers and record lines. */
    private Iterator<String> segments() {
        return new Iterator<>() {
            private int stage; // 0: kernel #1's header next, 1: its records, 2: the kdump kernel's records
            private final Iterator<LogRecord> first = result.kernel1Log().iterator();
            private final Iterator<LogRecord> kdump = result.kdumpLog().iterator();
            private final LogRecords kd = result.kdumpLog();

            @Override
            public boolean hasNext() {
                return switch (stage) {
                    case 0 -> true;
                    case 1 -> first.hasNext() || !kd.isEmpty();
                    default -> kdump.hasNext();
                };
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                switch (stage) {
                    case 0:
                        stage = 1;
                        return "=== kernel #1 ===";
                    case 1:
                        if (first.hasNext()) {
                            return first.next().line();
                        }
                        stage = 2;
                        return "=== kdump kernel ===";
                    default:
                        return kdump.next().line();
                }
            }
        };
    }

    /** {@code String.split("\n")} over a text given as pieces each followed by a newline: empty lines at the end are dropped. */
    static final class SplitLines implements Iterator<String> {
        private final Iterator<String> segments;
        private String[] parts = new String[0];
        private int at;
        private long held; // empty lines read, given only once a non-empty line follows them
        private long emptyReady; // empty lines to give before readyLine
        private String readyLine;

        SplitLines(Iterator<String> segments) {
            this.segments = segments;
        }

        private void fill() {
            while (readyLine == null) {
                if (at == parts.length) {
                    if (!segments.hasNext()) {
                        return;
                    }
                    parts = segments.next().split("\n", -1);
                    at = 0;
                    continue;
                }
                String p = parts[at++];
                if (p.isEmpty()) {
                    held++;
                } else {
                    emptyReady = held;
                    held = 0;
                    readyLine = p;
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (emptyReady == 0) {
                fill();
            }
            return emptyReady > 0 || readyLine != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (emptyReady > 0) {
                emptyReady--;
                return "";
            }
            String l = readyLine;
            readyLine = null;
            return l;
        }
    }
}
