package dev.kdumpsim.pcie;

/**
 * Requester ID to StreamID mapping, as an ACPI IORT root-complex node's ID mapping gives it
 * (IORT spec, "ID mappings": input base, number of IDs, output base). Requester IDs outside the
 * range map to themselves; {@link #IDENTITY} maps every ID to itself (the 2018 report's platform:
 * 01:00.0 -> StreamID 0x100).
 *
 * @param inputBase first requester ID of the range
 * @param count number of requester IDs in the range (0 = none)
 * @param outputBase StreamID of {@code inputBase}
 */
public record RequesterIdMap(int inputBase, int count, int outputBase) {

    /** StreamID = requester ID. */
    public static final RequesterIdMap IDENTITY = new RequesterIdMap(0, 0, 0);

    public RequesterIdMap {
        if (inputBase < 0 || count < 0 || outputBase < 0 || inputBase + count > 0x10000) {
            throw new IllegalArgumentException("bad iommu-map: inputBase " + inputBase + " count " + count
                    + " outputBase " + outputBase + " (requester IDs are 16-bit)");
        }
    }

    /** Every requester ID offset by {@code outputBase} (IORT single mapping of all 65536 IDs). */
    public static RequesterIdMap offset(int outputBase) {
        return new RequesterIdMap(0, 0x10000, outputBase);
    }

    /** The StreamID for a requester ID. */
    public int streamId(int requesterId) {
        int d = requesterId - inputBase;
        return d >= 0 && d < count ? outputBase + d : requesterId;
    }
}
