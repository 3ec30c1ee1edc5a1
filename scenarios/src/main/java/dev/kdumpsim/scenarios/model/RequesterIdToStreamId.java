package dev.kdumpsim.scenarios.model;

/** The device tree {@code iommu-map = <rid-base &smmu iommu-base length>} of the root complex. */
@Doc("Requester ID to StreamID mapping: StreamID = RID - base + offset")
public record RequesterIdToStreamId(
        @Doc(value = "First requester ID mapped (iommu-map rid-base)", dflt = "0") int base,
        @Doc(value = "StreamID of that requester ID (iommu-map iommu-base)", dflt = "0") int offset) {

    /** The StreamID of a requester ID. */
    public int streamId(int requesterId) {
        return requesterId - base + offset;
    }
}
