package dev.kdumpsim.scenarios.sweep;

/** How a variant ended; the CSV, JSONL and JUnit files spell it in lower case. */
public enum VariantStatus {
    /** Ran, every expectation held. */
    PASSED,
    /** Ran, some expectation failed (JUnit {@code <failure>}). */
    FAILED,
    /** The runner threw (JUnit {@code <error>}). */
    ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static VariantStatus of(String label) {
        for (VariantStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + label + "'");
    }
}
