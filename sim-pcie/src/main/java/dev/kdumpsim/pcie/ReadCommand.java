package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.pcie.dma.DmaPort;
import java.util.function.Consumer;

/**
 * A command a driver gives the device that makes it read host memory on its own: the data phase
 * of a storage write (an NVMe or SCSI WRITE's DMA from the host buffer). The device issues
 * {@code count} reads of {@code chunkBytes}, one every {@code spacingNs}, then reports the
 * command's status once the last read had time to complete or time out: success when every read
 * was issued and none ended in an error completion or a Completion Timeout, and the device did
 * not wedge. The driver only submits and reads the status, as real drivers do.
 */
final class ReadCommand implements EventHandler {

    private final EndpointFunction fn;
    private final long address;
    private final int chunkBytes;
    private final int count;
    private final long spacingNs;
    private final Consumer<Boolean> done;
    private final long errorsBefore;
    private int issued;

    ReadCommand(EndpointFunction fn, long address, int chunkBytes, int count, long spacingNs, Consumer<Boolean> done) {
        this.fn = fn;
        this.address = address;
        this.chunkBytes = chunkBytes;
        this.count = count;
        this.spacingNs = spacingNs;
        this.done = done;
        this.errorsBefore = fn.abortedCompletions() + fn.completionTimeouts();
    }

    void start() {
        onEvent(0);
    }

    @Override
    public void onEvent(long i) {
        if (i >= count) {
            // the status is posted once a read issued last could have timed out (default-range timeout + 1 ms)
            fn.simulation().scheduleAfter(fn.params().completionTimeoutNs() + 1_000_000, x -> done.accept(
                    issued == count && fn.abortedCompletions() + fn.completionTimeouts() == errorsBefore && !fn.isWedged()), 0);
            return;
        }
        if (fn.issueRead(address + i * (long) chunkBytes, chunkBytes) == DmaPort.ISSUED) {
            issued++;
        }
        fn.simulation().scheduleAfter(spacingNs, this, i + 1);
    }
}
