package dev.kdumpsim.kernel.log;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A kernel's printk records, in order, with only the most recent {@link #window} of them on the
 * heap: when the window is full the oldest record is encoded ({@link LogRecordCodec}) into a
 * {@link LogSpillFile}. A one-hour run prints some 450,000 records (40 MB of dmesg text), mostly
 * one AER report repeated; held as objects they were most of the run's heap. Readers go through
 * the records from the first, once per pass ({@link #iterator}); nothing reads them at random.
 *
 * <p>The window is also the ring of a flood's last records: whatever a kernel prints, the heap
 * holds at most {@code window} records of it. Not thread-safe: a run and its readers share one
 * thread (parallel runs have their own stores).
 */
final class LogStore {

    /**
     * Records kept on the heap: about a MiB, more than a short run ever prints (no file at all
     * then). The system property {@code kdumpsim.logWindow} changes it, so the whole test suite can
     * be run with every record going through the spill file ({@code -DargLine=-Dkdumpsim.logWindow=1}).
     */
    static final int DEFAULT_WINDOW = Integer.getInteger("kdumpsim.logWindow", 4096);
    private static final int BUFFER = 64 * 1024;

    private final int window;
    private final LogRecord[] ring;
    private final LogRecordCodec codec = new LogRecordCodec();
    private int head; // ring index of record number `spilled`
    private int resident;
    private int spilled;
    private int flushed; // records of the file a reader can see
    private LogSpillFile file;
    private DataOutputStream out;

    LogStore() {
        this(DEFAULT_WINDOW);
    }

    LogStore(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 record, got " + window);
        }
        this.window = window;
        this.ring = new LogRecord[window];
    }

    void add(LogRecord r) {
        if (resident == window) {
            spill(ring[head]);
            ring[head] = null;
            head = (head + 1) % window;
            resident--;
        }
        ring[(head + resident) % window] = r;
        resident++;
    }

    private void spill(LogRecord r) {
        try {
            if (file == null) {
                file = LogSpillFile.create();
                out = new DataOutputStream(new BufferedOutputStream(file.appender(), BUFFER));
            }
            codec.write(out, r);
            spilled++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records stored so far. */
    int size() {
        return spilled + resident;
    }

    /** Records on the heap (the rest are in the spill file): never more than the window. */
    int resident() {
        return resident;
    }

    int window() {
        return window;
    }

    /** Releases the spill file (records already read stay valid; reading more fails). */
    void close() {
        if (file != null) {
            file.close();
        }
    }

    /** Records {@code 0 .. end-1} from the first, reading the file sequentially and then the window. */
    Iterator<LogRecord> iterator(int end) {
        return new Iterator<>() {
            private int next;
            private int fileNext; // records this reader has decoded from the file
            private DataInputStream in;

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public LogRecord next() {
                if (next >= end) {
                    throw new NoSuchElementException();
                }
                LogRecord r = next < spilled ? fromFile() : ring[(head + next - spilled) % window];
                next++;
                return r;
            }

            private LogRecord fromFile() {
                try {
                    if (next >= flushed) {
                        out.flush();
                        flushed = spilled;
                    }
                    if (in == null) {
                        in = new DataInputStream(new BufferedInputStream(file.reader(), BUFFER));
                    }
                    // records this reader took from the window may have been spilled since: skip past them
                    for (; fileNext < next; fileNext++) {
                        codec.read(in);
                    }
                    fileNext++;
                    return codec.read(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the kernel log's spill file: " + e.getMessage(), e);
                }
            }
        };
    }
}
