package dev.kdumpsim.kernel.version;

/** Which AER registers {@code cper_print_pcie} (drivers/firmware/efi/cper.c) prints from a PCIe section's aer_info. */
public enum CperAerLines {
    /** None (4.14 to 5.3): the AER lines come from {@code cper_print_aer} in the recovery work. */
    NONE,
    /**
     * b194a77fcc40 (5.4, 4.19.77): uncorrectable status/mask, severity and TLP Header when
     * {@code gdata->error_severity & CPER_SEV_FATAL} (a bit test: fatal and informational), since
     * "Fatal errors call __ghes_panic() before AER handler prints this".
     */
    FATAL_ONLY,
    /** d7171eb49435 (6.12): all four lines, correctable status/mask first, whatever the severity. */
    ALL
}
