package dev.kdumpsim.pcie.dma;

/** The function side a {@link DmaEngine} issues requests through. */
public interface DmaPort {

    /** The request left the function. */
    int ISSUED = 0;
    /** Bus Master Enable is clear: the attempt was recorded as blocked and nothing was sent. */
    int BLOCKED_BME = 1;
    /** No free tag for a read: nothing was sent, try later. */
    int NO_TAG = 2;

    /** Issues a memory read; returns {@link #ISSUED}, {@link #BLOCKED_BME} or {@link #NO_TAG}. */
    int issueRead(long address, int length);

    /** Issues a memory write of {@code length} bytes of {@code pattern}; returns {@link #ISSUED} or {@link #BLOCKED_BME}. */
    int issueWrite(long address, int length, long pattern);
}
