package dev.kdumpsim.kernel.pci;

import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.config.PciRegs;

/**
 * One function's uncorrectable AER registers as software reads them at one instant (PCIe r5.0
 * §7.8.4): what the native path reads through config space in {@code aer_get_device_error_info}
 * (drivers/pci/pcie/aer.c) and what firmware copies into a CPER PCIe section's AER info
 * ({@code struct cper_sec_pcie.aer_info}, UEFI 2.8 §N.2.7) for the firmware-first path.
 *
 * @param status Uncorrectable Error Status
 * @param mask Uncorrectable Error Mask
 * @param severity Uncorrectable Error Severity (1 = Fatal)
 * @param capControl Advanced Error Capabilities and Control (First Error Pointer in [4:0])
 * @param header the Header Log, 4 DW
 * @param vendorId the function's Vendor ID
 * @param deviceId the function's Device ID
 */
public record AerRegisters(int status, int mask, int severity, int capControl, int[] header, int vendorId, int deviceId) {

    public AerRegisters {
        header = header.clone();
    }

    /** Reads {@code bdf}'s registers through config space. */
    public static AerRegisters read(RootComplex rc, int bdf) {
        int[] hdr = new int[4];
        for (int i = 0; i < 4; i++) {
            hdr[i] = rc.configRead(bdf, PciRegs.ERR_HEADER_LOG + 4 * i, 4);
        }
        return new AerRegisters(rc.configRead(bdf, PciRegs.ERR_UNCOR_STATUS, 4), rc.configRead(bdf, PciRegs.ERR_UNCOR_MASK, 4),
                rc.configRead(bdf, PciRegs.ERR_UNCOR_SEVER, 4), rc.configRead(bdf, PciRegs.ERR_CAP, 4), hdr,
                rc.configRead(bdf, PciRegs.VENDOR_ID, 2), rc.configRead(bdf, PciRegs.DEVICE_ID, 2));
    }

    @Override
    public int[] header() {
        return header.clone();
    }

    /** The First Error Pointer. */
    public int firstErrorPointer() {
        return capControl & PciRegs.ERR_CAP_FEP_MASK;
    }

    /** Unmasked status bits: what the function reported. */
    public int unmaskedStatus() {
        return status & ~mask;
    }

    /**
     * Whether the error is fatal: the severity of the First Error Pointer's bit, as
     * {@code aer_print_error} and {@code cper_print_aer} decide it ({@code severity & (1 << fep)}).
     */
    public boolean firstErrorFatal() {
        return (severity & (1 << firstErrorPointer())) != 0;
    }

    /** Whether anything is logged (an all-ones read is a function that is gone). */
    public boolean pending() {
        return status != 0 && status != 0xffffffff;
    }
}
