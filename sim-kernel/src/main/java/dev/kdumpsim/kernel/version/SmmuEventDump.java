package dev.kdumpsim.kernel.version;

/** How arm-smmu-v3's event thread prints an event record. */
public enum SmmuEventDump {
    /** {@code dev_info("event 0x%02x received:\n")} and the four raw dwords ({@code "\t0x%016llx\n"}). */
    RAW_INFO,
    /**
     * d814b70b9b90 "Log better event records": the raw dwords at {@code dev_err}, then one decoded
     * line naming the event, the client device, StreamID and SubstreamID.
     */
    DECODED_ERR
}
