package dev.kdumpsim.scenarios.model;

/** The PCIe side of the platform. */
@Doc("PCIe root complex behaviour, requester-ID to StreamID mapping, and the topology")
public record Pcie(
        @Doc("How the root complex answers transactions the SMMU aborted") RootComplex rootComplex,
        @Doc("StreamID = requester ID - base + offset (device tree iommu-map)") RequesterIdToStreamId requesterIdToStreamId,
        @Doc("Root ports, switches and endpoints") Topology topology) {
}
