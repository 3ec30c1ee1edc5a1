package dev.kdumpsim.vtd;

/**
 * The outcome of one interrupt request through interrupt remapping: a reusable, mutable holder
 * (like sim-core's {@code Translation}) so that delivering an MSI allocates nothing.
 * A {@link Outcome#BLOCKED} interrupt is dropped: nothing reaches a CPU.
 */
public final class RemappedInterrupt {

    public enum Outcome {
        /** Looked up in the IRTE: {@link #vector()}, {@link #destinationId()}... describe the interrupt. */
        REMAPPED,
        /** Interrupt remapping disabled, or a compatibility-format request with GSTS.CFIS=1: delivered as written. */
        PASSED_THROUGH,
        /** Faulted ({@link #faultReason()}); the interrupt is not delivered. */
        BLOCKED
    }

    private Outcome outcome = Outcome.BLOCKED;
    private int index = -1;
    private int vector;
    private int destinationId;
    private int deliveryMode;
    private boolean logicalDestination;
    private boolean levelTriggered;
    private boolean redirectionHint;
    private int faultReason;
    private boolean faultRecorded;
    private long address;
    private int data;

    RemappedInterrupt remapped(int index, long lo, boolean x2apic) {
        set(Outcome.REMAPPED, index, 0, false);
        vector = (int) ((lo >>> 16) & 0xff);
        destinationId = x2apic ? (int) (lo >>> 32) : (int) ((lo >>> 40) & 0xff);
        deliveryMode = (int) ((lo >>> 5) & 7);
        logicalDestination = (lo & 4) != 0;
        redirectionHint = (lo & 8) != 0;
        levelTriggered = (lo & 16) != 0;
        return this;
    }

    RemappedInterrupt passedThrough(long msiAddress, int msiData) {
        set(Outcome.PASSED_THROUGH, -1, 0, false);
        address = msiAddress;
        data = msiData;
        return this;
    }

    RemappedInterrupt blocked(int index, int reason, boolean recorded) {
        return set(Outcome.BLOCKED, index, reason, recorded);
    }

    private RemappedInterrupt set(Outcome o, int idx, int reason, boolean recorded) {
        outcome = o;
        index = idx;
        faultReason = reason;
        faultRecorded = recorded;
        vector = 0;
        destinationId = 0;
        deliveryMode = 0;
        logicalDestination = false;
        redirectionHint = false;
        levelTriggered = false;
        address = 0;
        data = 0;
        return this;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Interrupt index (handle + subhandle), or -1 for a compatibility-format request. */
    public int index() {
        return index;
    }

    public int vector() {
        return vector;
    }

    /** IRTE DST: the x2APIC ID, or in xAPIC mode the 8-bit APIC ID of DST[15:8]. */
    public int destinationId() {
        return destinationId;
    }

    public int deliveryMode() {
        return deliveryMode;
    }

    public boolean logicalDestination() {
        return logicalDestination;
    }

    public boolean levelTriggered() {
        return levelTriggered;
    }

    public boolean redirectionHint() {
        return redirectionHint;
    }

    /** The {@link FaultReason} of a blocked request, else 0. */
    public int faultReason() {
        return faultReason;
    }

    /** Whether the fault reached a fault recording register. */
    public boolean faultRecorded() {
        return faultRecorded;
    }

    /** The MSI address of a passed-through request. */
    public long address() {
        return address;
    }

    /** The MSI data of a passed-through request. */
    public int data() {
        return data;
    }
}
