package dev.kdumpsim.scenarios.importer;

import java.util.Optional;

/**
 * One console line as the kernel printed it, recovered from what was pasted: the mail quoting,
 * the {@code [ seconds]} prefix and syslog prefixes removed, a line the mail client wrapped joined
 * back. {@code file:line} is where it starts in the input (for comments and errors).
 *
 * @param timestamp the printk time as printed ({@code "16.093441"}), when the line had one
 * @param kernel 0 for the first kernel seen in the input, 1 for the next (a new
 *     {@code Linux version} banner or a clock that went back to 0), ...
 */
public record LogLine(String file, int line, Optional<String> timestamp, String message, int kernel) {

    /** The printk time in seconds, or -1 without a timestamp. */
    public double seconds() {
        return timestamp.map(Double::parseDouble).orElse(-1.0);
    }

    /** {@code name:line} (the file's name without its directory), for comments naming where a fact came from. */
    public String where() {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1) + ":" + line;
    }
}
