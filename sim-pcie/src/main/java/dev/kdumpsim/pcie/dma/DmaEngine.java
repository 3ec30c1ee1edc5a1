package dev.kdumpsim.pcie.dma;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;

/**
 * The DMA engines of one function as the driver programmed them: descriptor polling (reads),
 * receive buffers (writes, finite), completion-ring entries (writes) and MSI (writes).
 *
 * <p>The device runs by itself until its work runs out, Bus Master Enable is cleared, or a reset
 * clears it ({@link #clear}). BME=0 is modelled as the engine's next attempt being blocked
 * (recorded by the port) after which that engine stalls with its work kept; setting BME again
 * resumes it (PCIe r6.0 §7.5.1.1.3: what happens to queued work is device-specific).
 * One {@link EventHandler} instance serves both timers; nothing is allocated per transaction.
 */
public final class DmaEngine implements EventHandler {

    private static final long FETCH = 0;
    private static final long RECEIVE = 1;

    private final Simulation sim;
    private final DmaPort port;
    private final long patternBase;

    // ring positions are kept below their ring's size and wrapped by a compare, not a division
    private DescriptorRing descriptors;
    private int fetchIndex;
    private long fetchToken = -1;
    private boolean fetchStalled;

    private ReceiveBufferRing receive;
    private int posted;
    private int receiveSlot;
    private long receiveToken = -1;
    private boolean receiveStalled;
    private CompletionRing completions;
    private int completionIndex;
    private MsiMessage msi;
    private int completionsSinceMsi;
    private long writes;

    public DmaEngine(Simulation sim, DmaPort port, long patternBase) {
        this.sim = sim;
        this.port = port;
        this.patternBase = patternBase;
    }

    /** Starts polling a descriptor ring (replaces any previous one). */
    public void programDescriptorRing(DescriptorRing ring) {
        cancel(fetchToken);
        descriptors = ring;
        fetchIndex = 0;
        fetchStalled = false;
        fetchToken = sim.scheduleAfter(ring.pollIntervalNs(), this, FETCH);
    }

    /** Starts consuming posted receive buffers (replaces any previous ring). */
    public void postReceiveBuffers(ReceiveBufferRing ring) {
        cancel(receiveToken);
        receive = ring;
        posted = ring.postedBuffers();
        receiveSlot = 0;
        receiveStalled = false;
        receiveToken = posted > 0 ? sim.scheduleAfter(ring.arrivalIntervalNs(), this, RECEIVE) : -1;
    }

    /** The driver posts {@code count} more buffers (capped at the ring size). */
    public void refillReceiveBuffers(int count) {
        if (receive == null || count <= 0) {
            return;
        }
        posted = Math.min(receive.slots(), posted + count);
        if (!receiveStalled && !sim.isPending(receiveToken)) {
            receiveToken = sim.scheduleAfter(receive.arrivalIntervalNs(), this, RECEIVE);
        }
    }

    public void programCompletionRing(CompletionRing ring) {
        completions = ring;
        completionIndex = 0;
    }

    public void programMsi(MsiMessage message) {
        msi = message;
        completionsSinceMsi = 0;
    }

    /** Stops everything and forgets all programming (driver stop, FLR, hot reset, wedge). */
    public void clear() {
        cancel(fetchToken);
        cancel(receiveToken);
        fetchToken = -1;
        receiveToken = -1;
        descriptors = null;
        receive = null;
        completions = null;
        msi = null;
        posted = 0;
        fetchStalled = false;
        receiveStalled = false;
    }

    /** Bus Master Enable set again: stalled engines continue with the work they hold. */
    public void resume() {
        if (fetchStalled && descriptors != null) {
            fetchStalled = false;
            fetchToken = sim.scheduleAfter(descriptors.pollIntervalNs(), this, FETCH);
        }
        if (receiveStalled && receive != null) {
            receiveStalled = false;
            if (posted > 0) {
                receiveToken = sim.scheduleAfter(receive.arrivalIntervalNs(), this, RECEIVE);
            }
        }
    }

    /** Buffers the device still holds. */
    public int postedBuffers() {
        return posted;
    }

    /** Whether any engine still has work scheduled or stalled. */
    public boolean isActive() {
        return descriptors != null || (receive != null && posted > 0);
    }

    @Override
    public void onEvent(long which) {
        if (which == FETCH) {
            fetch();
        } else {
            receiveOne();
        }
    }

    private void fetch() {
        DescriptorRing r = descriptors;
        if (r == null) {
            return;
        }
        long addr = r.ringIova() + fetchIndex * (long) r.descriptorBytes();
        int s = port.issueRead(addr, r.descriptorBytes());
        if (s == DmaPort.BLOCKED_BME) {
            fetchStalled = true;
            return;
        }
        if (s == DmaPort.ISSUED) {
            fetchIndex++;
            if (descriptors != null && fetchIndex == descriptors.entries()) { // (re)programmed meanwhile: its size
                fetchIndex = 0;
            }
        }
        if (descriptors != null) { // the port may have wedged/reset us
            fetchToken = sim.scheduleAfter(r.pollIntervalNs(), this, FETCH);
        }
    }

    private void receiveOne() {
        ReceiveBufferRing r = receive;
        if (r == null || posted == 0) {
            return;
        }
        long addr = r.slotIova(receiveSlot);
        if (port.issueWrite(addr, r.bufferBytes(), patternBase + writes++) == DmaPort.BLOCKED_BME) {
            receiveStalled = true;
            return;
        }
        posted--;
        receiveSlot++;
        if (receive != null && receiveSlot == receive.slots()) {
            receiveSlot = 0;
        }
        CompletionRing c = completions;
        if (c != null) {
            long entry = c.ringIova() + completionIndex * (long) c.entryBytes();
            if (++completionIndex == c.entries()) {
                completionIndex = 0;
            }
            port.issueWrite(entry, c.entryBytes(), patternBase + writes++);
            MsiMessage m = msi;
            if (m != null && ++completionsSinceMsi >= m.completionsPerInterrupt()) {
                completionsSinceMsi = 0;
                port.issueWrite(m.addressIova(), 4, m.data());
            }
        }
        if (receive != null && posted > 0) {
            receiveToken = sim.scheduleAfter(r.arrivalIntervalNs(), this, RECEIVE);
        }
    }

    private void cancel(long token) {
        if (token >= 0) {
            sim.cancel(token);
        }
    }
}
