package dev.kdumpsim.scenarios.fit;

/** How a report line fared in a simulated kernel.log. */
enum LineStatus {
    /** A simulated line has its text, printed within the tolerance of the report's time (or the report line has no time). */
    MATCHED("matched"),
    /** Simulated lines have its text, but none within the tolerance of the report's time. */
    MATCHED_AT_ANOTHER_TIME("matched-at-another-time"),
    /** No simulated line has its text. */
    MISSING("missing"),
    /** A distinctive simulated line, of a kind the report shows, whose text is in no report line. */
    EXTRA("extra");

    final String name;

    LineStatus(String name) {
        this.name = name;
    }
}
