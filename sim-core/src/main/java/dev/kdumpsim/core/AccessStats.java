package dev.kdumpsim.core;

/**
 * Read and write accounting for one page or one region: counts, bytes, and the first and last
 * agent (by id, see {@link PhysicalMemory#agentName}) with the simulated time of each.
 *
 * <p>Mutable and owned by {@link PhysicalMemory}; callers get it read-only through the getters.
 */
public final class AccessStats {

    static final int NONE = -1;

    private long writes;
    private long bytesWritten;
    private int firstWriter = NONE;
    private long firstWriteNs = -1;
    private int lastWriter = NONE;
    private long lastWriteNs = -1;

    private long reads;
    private long bytesRead;
    private int firstReader = NONE;
    private long firstReadNs = -1;
    private int lastReader = NONE;
    private long lastReadNs = -1;

    void recordWrite(int agent, long timeNs, long bytes) {
        if (writes++ == 0) {
            firstWriter = agent;
            firstWriteNs = timeNs;
        }
        bytesWritten += bytes;
        lastWriter = agent;
        lastWriteNs = timeNs;
    }

    void recordRead(int agent, long timeNs, long bytes) {
        if (reads++ == 0) {
            firstReader = agent;
            firstReadNs = timeNs;
        }
        bytesRead += bytes;
        lastReader = agent;
        lastReadNs = timeNs;
    }

    public long writes() {
        return writes;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /** Agent id of the first writer, or -1 if never written. */
    public int firstWriter() {
        return firstWriter;
    }

    public long firstWriteNs() {
        return firstWriteNs;
    }

    public int lastWriter() {
        return lastWriter;
    }

    public long lastWriteNs() {
        return lastWriteNs;
    }

    public long reads() {
        return reads;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public int firstReader() {
        return firstReader;
    }

    public long firstReadNs() {
        return firstReadNs;
    }

    public int lastReader() {
        return lastReader;
    }

    public long lastReadNs() {
        return lastReadNs;
    }
}
