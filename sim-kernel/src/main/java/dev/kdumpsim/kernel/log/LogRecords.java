package dev.kdumpsim.kernel.log;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A kernel's printk records as they were printed, read from the first: the records a run
 * produced, of which only the latest few thousand are on the heap (the rest are read back from
 * the kernel's spill file, see {@code LogStore}). Iterate it as often as needed, each pass in
 * order; {@link #stream} is sequential. A view of the records printed when it was taken: a
 * kernel still printing does not change it.
 */
@KernelApi
public final class LogRecords implements Iterable<LogRecord> {

    private static final LogRecords EMPTY = new LogRecords(null, 0);

    private final LogStore store;
    private final int size;

    LogRecords(LogStore store, int size) {
        this.store = store;
        this.size = size;
    }

    /** No records (a kdump kernel that never booted). */
    public static LogRecords empty() {
        return EMPTY;
    }

    /** {@code records} held on the heap, for tests and tools that build a log by hand. */
    public static LogRecords of(List<LogRecord> records) {
        LogStore s = new LogStore(Math.max(1, records.size()));
        records.forEach(s::add);
        return new LogRecords(s, records.size());
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Iterator<LogRecord> iterator() {
        return store == null ? java.util.Collections.emptyIterator() : store.iterator(size);
    }

    /** The records as a sequential stream. */
    public Stream<LogRecord> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), size,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /**
     * Record {@code i}; reads from the first record when {@code i} is not on the heap, so this is
     * for the first few records of a log (tests), not for walking one: iterate instead.
     */
    public LogRecord get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        Iterator<LogRecord> it = iterator();
        for (int k = 0; k < i; k++) {
            it.next();
        }
        return it.next();
    }

    /** Every record on the heap at once: for a short log, or a consumer that needs random access (the HTML report). */
    public List<LogRecord> toList() {
        List<LogRecord> all = new ArrayList<>(size);
        forEach(all::add);
        return all;
    }

    /** Records of the whole log held on the heap now (the kernel's window, whatever this view's size). */
    public int resident() {
        return store == null ? 0 : store.resident();
    }
}
