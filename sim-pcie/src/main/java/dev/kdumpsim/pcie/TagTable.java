package dev.kdumpsim.pcie;

/**
 * The outstanding non-posted requests of one function, by Tag (PCIe r5.0 §2.2.6.2): a Tag is
 * in use from the read's issue until its completion arrives, it times out, or a reset discards
 * it. Each use carries an issue sequence number, so a completion that arrives for a Tag reused
 * since (or for a request discarded by a reset) is recognised as not matching. Primitive arrays,
 * nothing allocated per request.
 *
 * <p>Not modelled: Extended Tags and 10-Bit Tags beyond the configured size (the size is the tag
 * space the device uses, 1-256), Phantom Functions.
 */
final class TagTable {

    private final boolean[] busy;
    private final long[] address;
    private final int[] length;
    private final long[] seq;
    private final long[] deadline;
    private int next;
    private int outstanding;
    private long issueSeq;
    /** Requests issued up to this sequence number were discarded by a reset. */
    private long resetSeq;

    TagTable(int tags) {
        busy = new boolean[tags];
        address = new long[tags];
        length = new int[tags];
        seq = new long[tags];
        deadline = new long[tags];
    }

    int size() {
        return busy.length;
    }

    /** Takes the next free Tag round-robin for a read; -1 if all are in use. */
    int allocate(long addr, int len, long deadlineNs) {
        int n = busy.length;
        if (outstanding == n) {
            return -1; // a device whose reads all wait (for completions that never come) polls on
        }
        int t = next;
        for (int i = 0; i < n; i++, t = t + 1 == n ? 0 : t + 1) { // round-robin without a division per step
            if (!busy[t]) {
                next = t + 1 == n ? 0 : t + 1;
                busy[t] = true;
                address[t] = addr;
                length[t] = len;
                seq[t] = ++issueSeq;
                deadline[t] = deadlineNs;
                outstanding++;
                return t;
            }
        }
        return -1;
    }

    void release(int tag) {
        busy[tag] = false;
        outstanding--;
    }

    /** A reset discards every outstanding request; their late completions will not match. */
    void discardAll() {
        for (int t = 0; t < busy.length; t++) {
            if (busy[t]) {
                release(t);
            }
        }
        resetSeq = issueSeq;
    }

    /** Whether the request issued as {@code issueSeq} predates the last reset. */
    boolean discardedByReset(long issueSequence) {
        return issueSequence <= resetSeq;
    }

    /** Whether {@code tag} is still held by the request issued as {@code issueSequence}. */
    boolean matches(int tag, long issueSequence) {
        return busy[tag] && seq[tag] == issueSequence;
    }

    boolean busy(int tag) {
        return busy[tag];
    }

    long address(int tag) {
        return address[tag];
    }

    int length(int tag) {
        return length[tag];
    }

    long issueSeq(int tag) {
        return seq[tag];
    }

    long deadline(int tag) {
        return deadline[tag];
    }

    /** Non-posted requests awaiting completion. */
    int outstanding() {
        return outstanding;
    }
}
