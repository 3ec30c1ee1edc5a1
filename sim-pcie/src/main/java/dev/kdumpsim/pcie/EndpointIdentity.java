package dev.kdumpsim.pcie;

/**
 * The identity registers of an endpoint's functions beyond Vendor and Device ID, read-only to
 * software: Revision ID and Class Code (PCIe r5.0 §7.5.1.1.6, §7.5.1.1.7), Subsystem Vendor ID
 * and Subsystem ID (§7.5.1.2.9), and the Device Serial Number extended capability (§7.9.3),
 * which Linux reads with {@code pci_get_dsn()} (drivers/pci/pci.c).
 *
 * <p>{@link #NONE} is what the model had before these were settable: all zero, no DSN capability.
 *
 * @param classCode 24-bit Class Code: base class [23:16], sub-class [15:8], programming interface [7:0]
 *     (e.g. 0x020000 for an Ethernet controller)
 * @param revisionId 8-bit Revision ID
 * @param subsystemVendorId 16-bit Subsystem Vendor ID
 * @param subsystemId 16-bit Subsystem ID
 * @param hasSerialNumber whether the function has a Device Serial Number capability
 * @param serialNumber the 64-bit serial number (an EUI-64), meaningful only with {@code hasSerialNumber}
 */
public record EndpointIdentity(int classCode, int revisionId, int subsystemVendorId, int subsystemId,
        boolean hasSerialNumber, long serialNumber) {

    /** All zero, no Device Serial Number capability. */
    public static final EndpointIdentity NONE = new EndpointIdentity(0, 0, 0, 0, false, 0);

    public EndpointIdentity {
        if ((classCode & ~0xffffff) != 0) {
            throw new IllegalArgumentException("classCode is 24 bits, got 0x" + Integer.toHexString(classCode));
        }
        if ((revisionId & ~0xff) != 0) {
            throw new IllegalArgumentException("revisionId is 8 bits, got 0x" + Integer.toHexString(revisionId));
        }
        if ((subsystemVendorId & ~0xffff) != 0 || (subsystemId & ~0xffff) != 0) {
            throw new IllegalArgumentException("subsystem vendor and subsystem IDs are 16 bits");
        }
    }

    public EndpointIdentity withClassCode(int c) {
        return new EndpointIdentity(c, revisionId, subsystemVendorId, subsystemId, hasSerialNumber, serialNumber);
    }

    public EndpointIdentity withRevisionId(int r) {
        return new EndpointIdentity(classCode, r, subsystemVendorId, subsystemId, hasSerialNumber, serialNumber);
    }

    public EndpointIdentity withSubsystem(int vendor, int id) {
        return new EndpointIdentity(classCode, revisionId, vendor, id, hasSerialNumber, serialNumber);
    }

    /** With a Device Serial Number capability holding {@code dsn}. */
    public EndpointIdentity withSerialNumber(long dsn) {
        return new EndpointIdentity(classCode, revisionId, subsystemVendorId, subsystemId, true, dsn);
    }
}
