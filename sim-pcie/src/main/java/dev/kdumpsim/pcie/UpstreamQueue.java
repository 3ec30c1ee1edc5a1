package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;

/**
 * Requests of one function on their way to the root complex: a FIFO in primitive arrays. The
 * path latency is constant per device, so arrival order is issue order and requests issued at
 * the same instant share one arrival event. A reset empties the queue, giving each request its
 * discard fate; the event left behind then finds nothing due. The capacity is a power of two, so
 * positions wrap by a mask (a division per request cost more than the rest of the queue).
 */
final class UpstreamQueue implements EventHandler {

    private final RootComplex rc;
    private final EndpointFunction function;
    private final Simulation sim;
    private final long latencyNs;
    private long[] addr = new long[64];
    private int[] len = new int[64];
    private int[] tag = new int[64];
    private long[] pattern = new long[64];
    private long[] due = new long[64];
    private int head;
    private int size;

    UpstreamQueue(RootComplex rc, EndpointFunction function) {
        this.rc = rc;
        this.function = function;
        this.sim = rc.simulation();
        this.latencyNs = function.params().upstreamLatencyNs();
    }

    int size() {
        return size;
    }

    /** Queues a request ({@code t} < 0 for a posted write) to arrive after the path latency. */
    void enqueue(long address, int length, int t, long pat) {
        if (size == addr.length) {
            grow();
        }
        long at = sim.now() + latencyNs;
        int mask = addr.length - 1;
        boolean needEvent = size == 0 || due[(head + size - 1) & mask] != at;
        int i = (head + size) & mask;
        addr[i] = address;
        len[i] = length;
        tag[i] = t;
        pattern[i] = pat;
        due[i] = at;
        size++;
        if (needEvent) {
            sim.scheduleAt(at, this, 0);
        }
    }

    @Override
    public void onEvent(long unused) {
        long now = sim.now();
        while (size > 0 && due[head] <= now) {
            int i = head;
            head = (head + 1) & (addr.length - 1);
            size--;
            rc.upstreamRequest(function, tag[i] < 0, addr[i], len[i], tag[i], pattern[i]);
        }
    }

    /** Drops every queued request, recording {@code fate} for each. */
    void discardAll(DmaFate fate) {
        while (size > 0) {
            int i = head;
            head = (head + 1) & (addr.length - 1);
            size--;
            rc.recordAtFunction(function, tag[i] < 0, addr[i], len[i], fate);
        }
    }

    private void grow() {
        int n = addr.length;
        long[] a = new long[2 * n];
        int[] l = new int[2 * n];
        int[] t = new int[2 * n];
        long[] p = new long[2 * n];
        long[] d = new long[2 * n];
        for (int k = 0; k < size; k++) {
            int j = (head + k) & (n - 1);
            a[k] = addr[j];
            l[k] = len[j];
            t[k] = tag[j];
            p[k] = pattern[j];
            d[k] = due[j];
        }
        addr = a;
        len = l;
        tag = t;
        pattern = p;
        due = d;
        head = 0;
    }
}
