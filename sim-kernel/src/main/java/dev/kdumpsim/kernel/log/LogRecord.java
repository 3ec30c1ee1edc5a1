package dev.kdumpsim.kernel.log;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.TraceRecord;
import java.util.List;

/**
 * One printk record: its format and arguments as data, and {@link #text()} formatted once when it was made.
 *
 * @param kernelId     which kernel printed it ("kernel1", "kdump")
 * @param timeNs       simulation time
 * @param kernelTimeNs the printing kernel's own clock ({@code local_clock()}), 0 at its boot
 * @param level        log level
 * @param devPrefix    {@code dev_printk} prefix ("pci 0000:01:00.0: ") or "" for plain printk
 * @param format       C format string as in the kernel source (may end in "\n")
 * @param args         format arguments (Integer, Long, String, Character)
 * @param text         the message without timestamp and without its trailing newline
 */
@KernelApi
public record LogRecord(String kernelId, long timeNs, long kernelTimeNs, LogLevel level, String devPrefix,
                        String format, List<Object> args, String text) implements TraceRecord {

    /**
     * A record whose text is formatted now, once: the console's pacing needs its length at once,
     * and every reader (expectations, report, summaries) would otherwise format it again.
     */
    public LogRecord(String kernelId, long timeNs, long kernelTimeNs, LogLevel level, String devPrefix, String format,
            List<Object> args) {
        this(kernelId, timeNs, kernelTimeNs, level, devPrefix, format, args, render(devPrefix, format, args));
    }

    /** The message without timestamp and without its trailing newline. */
    private static String render(String devPrefix, String format, List<Object> args) {
        String body = Printf.format(format, args.toArray());
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return devPrefix + body;
    }

    /** The dmesg line: {@code [%5lu.%06lu] } + text (kernel/printk/printk.c {@code print_time}). */
    public String line() {
        return timestamp(kernelTimeNs) + text();
    }

    /**
     * {@code print_time()}: seconds and microseconds of {@code local_clock()}, truncated (the
     * kernel does {@code do_div(ts, 1000000000)} then {@code rem_nsec / 1000}).
     */
    public static String timestamp(long kernelTimeNs) {
        long sec = kernelTimeNs / 1_000_000_000L;
        long usec = (kernelTimeNs % 1_000_000_000L) / 1000L;
        return Printf.format("[%5lu.%06lu] ", sec, usec);
    }
}
