package dev.kdumpsim.kernel.ras;

import dev.kdumpsim.kernel.pci.AerRegisters;

/**
 * One Generic Error Status Block holding one PCI Express Error Section (UEFI 2.8 §N.2.7,
 * {@code struct cper_sec_pcie} in include/linux/cper.h), as platform firmware writes it for an
 * uncorrectable error it took first. Every field the section's validation bits may mark valid is
 * here; {@code hasSerialNumber} is the serial number's validation bit (firmware sets it when the
 * device has a Device Serial Number capability).
 *
 * @param sourceId the HEST error source that carries the record (GHES {@code header.source_id})
 * @param severity the block's and the section's error severity
 * @param portType PCIe Capability Device/Port Type (0 endpoint, 4 root port, ...)
 * @param versionMajor PCIe Capability version, major
 * @param versionMinor minor
 * @param command PCI Command register
 * @param status PCI Status register
 * @param segment PCI segment
 * @param bdf bus/device/function
 * @param slot physical slot number
 * @param secondaryBus secondary bus number (0 for an endpoint)
 * @param vendorId Vendor ID
 * @param deviceId Device ID
 * @param classCode 24-bit class code
 * @param hasSerialNumber whether the serial number is valid
 * @param serialNumber the Device Serial Number (lower DW, upper DW)
 * @param corStatus the AER Correctable Error Status
 * @param corMask the AER Correctable Error Mask
 * @param aer the AER capability registers (uncorrectable part)
 */
record CperPcieError(int sourceId, CperSeverity severity, int portType, int versionMajor, int versionMinor, int command,
        int status, int segment, int bdf, int slot, int secondaryBus, int vendorId, int deviceId, int classCode,
        boolean hasSerialNumber, long serialNumber, int corStatus, int corMask, AerRegisters aer) {

    /** Whether two records are the same error as {@code ghes_estatus_cached} compares them (the whole block, byte for byte). */
    public boolean sameAs(CperPcieError o) {
        return sourceId == o.sourceId && severity == o.severity && portType == o.portType && command == o.command
                && status == o.status && segment == o.segment && bdf == o.bdf && slot == o.slot
                && secondaryBus == o.secondaryBus && vendorId == o.vendorId && deviceId == o.deviceId
                && classCode == o.classCode && hasSerialNumber == o.hasSerialNumber && serialNumber == o.serialNumber
                && corStatus == o.corStatus && corMask == o.corMask
                && aer.status() == o.aer.status() && aer.mask() == o.aer.mask() && aer.severity() == o.aer.severity()
                && aer.capControl() == o.aer.capControl() && java.util.Arrays.equals(aer.header(), o.aer.header());
    }
}
