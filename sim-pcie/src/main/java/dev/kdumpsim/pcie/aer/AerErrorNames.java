package dev.kdumpsim.pcie.aer;

/**
 * Names of the AER Uncorrectable Error Status bits as Linux prints them: the
 * {@code aer_uncorrectable_error_string[]} table of drivers/pci/pcie/aer.c (v4.19; the same
 * strings as {@code status_strs} in the pre-4.19 aerdrv_errprint.c that printed the 2018 report's
 * bare "Malformed TLP"). Bits Linux has no name for print as "Unknown Error Bit N".
 */
public final class AerErrorNames {

    private static final String[] UNCORRECTABLE = new String[32];

    static {
        UNCORRECTABLE[0] = "Undefined";
        UNCORRECTABLE[4] = "Data Link Protocol";
        UNCORRECTABLE[5] = "Surprise Down Error";
        UNCORRECTABLE[12] = "Poisoned TLP";
        UNCORRECTABLE[13] = "Flow Control Protocol";
        UNCORRECTABLE[14] = "Completion Timeout";
        UNCORRECTABLE[15] = "Completer Abort";
        UNCORRECTABLE[16] = "Unexpected Completion";
        UNCORRECTABLE[17] = "Receiver Overflow";
        UNCORRECTABLE[18] = "Malformed TLP";
        UNCORRECTABLE[19] = "ECRC";
        UNCORRECTABLE[20] = "Unsupported Request";
        UNCORRECTABLE[21] = "ACS Violation";
        UNCORRECTABLE[22] = "Uncorrectable Internal Error";
        UNCORRECTABLE[23] = "MC Blocked TLP";
        UNCORRECTABLE[24] = "AtomicOp Egress Blocked";
        UNCORRECTABLE[25] = "TLP Prefix Blocked Error";
        UNCORRECTABLE[26] = "Poisoned TLP Egress Blocked";
    }

    private AerErrorNames() {
    }

    /** Linux's name of uncorrectable status bit {@code bit} (0-31). */
    public static String uncorrectable(int bit) {
        if (bit < 0 || bit > 31) {
            throw new IllegalArgumentException("AER bit out of range: " + bit);
        }
        String s = UNCORRECTABLE[bit];
        return s != null ? s : "Unknown Error Bit " + bit;
    }
}
