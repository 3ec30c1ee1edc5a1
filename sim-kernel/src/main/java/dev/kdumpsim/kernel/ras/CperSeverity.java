package dev.kdumpsim.kernel.ras;

/**
 * A CPER error severity (UEFI 2.8 §N.2.1, Error Record Header "Error Severity"; include/linux/cper.h
 * {@code CPER_SEV_*}) with the word {@code cper_severity_str} prints for it (drivers/firmware/efi/cper.c).
 */
public enum CperSeverity {
    RECOVERABLE(0, "recoverable"),
    FATAL(1, "fatal"),
    CORRECTED(2, "corrected"),
    INFORMATIONAL(3, "info");

    private final int value;
    private final String word;

    CperSeverity(int value, String word) {
        this.value = value;
        this.word = word;
    }

    public int value() {
        return value;
    }

    /** {@code cper_severity_str()}. */
    public String word() {
        return word;
    }
}
