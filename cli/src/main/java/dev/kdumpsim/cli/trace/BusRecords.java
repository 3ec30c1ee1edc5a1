package dev.kdumpsim.cli.trace;

import dev.kdumpsim.core.TraceListener;
import dev.kdumpsim.core.TraceRecord;
import dev.kdumpsim.kernel.log.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hardware models put on the trace bus during one run (IOMMU register state and queue
 * depth, IOMMU faults, PCIe error Messages and resets), kept in arrival order for the trace file.
 * Attached only when a trace is asked for. Bounded: past {@link #LIMIT} records the rest are
 * counted, not kept, and the trace says how many were left out, so an event flood cannot exhaust
 * the heap through its trace.
 */
public final class BusRecords implements TraceListener {

    /** Records kept at most (a few hundred bytes each). */
    static final int LIMIT = 500_000;

    private final List<TraceRecord> records = new ArrayList<>();
    private final int limit;
    private long leftOut;

    public BusRecords() {
        this(LIMIT);
    }

    BusRecords(int limit) {
        this.limit = limit;
    }

    @Override
    public void onRecord(TraceRecord r) {
        if (r instanceof LogRecord) {
            return; // each kernel's log lines are on that kernel's own track already
        }
        if (records.size() < limit) {
            records.add(r);
        } else {
            leftOut++;
        }
    }

    List<TraceRecord> records() {
        return records;
    }

    long leftOut() {
        return leftOut;
    }
}
