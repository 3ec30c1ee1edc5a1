package dev.kdumpsim.kernel.version;

/**
 * How the PCI core prints an uncorrectable AER error (firmware-first {@code cper_print_aer} and
 * native {@code aer_print_error} with the root port's "error received" line), per release family.
 */
public enum AerPrintFormat {
    /**
     * The lines as the 2018 report shows them (device prefix on the names line, one space before
     * "TLP Header"), for scenarios that name no release; no released kernel prints exactly this.
     */
    REPORT_2018,
    /**
     * 4.14-4.18 drivers/pci/pcie/aer/aerdrv_errprint.c: firmware-first names printed bare by
     * cper_print_bits (no device prefix), "  TLP Header:" with two spaces; native "id=%04x" forms
     * and long bit names.
     */
    V4_14,
    /** 4.19 drivers/pci/pcie/aer.c: short bit names in {@code "   [%2d] %-22s%s"} lines with " (First)", no "AER: " prefix. */
    V4_19,
    /** 5.2: {@code pr_fmt "AER: "} and {@code dev_fmt}: every device line carries "AER: " after the device prefix. */
    V5_2,
    /** 6.8 (1291b716bbf9): the port line says "error message received from", severities "Uncorrectable (Non-Fatal)". */
    V6_8;

    /**
     * What aer.c's {@code pr_fmt}/{@code dev_fmt} put after the device prefix: "AER: " from 5.2
     * ("PCI/AER: Log messages with pci_dev, not pcie_device"), nothing before; the wave-1 native
     * lines are 5.2's.
     */
    public String devFmt() {
        return this == V4_14 || this == V4_19 ? "" : "AER: ";
    }
}
