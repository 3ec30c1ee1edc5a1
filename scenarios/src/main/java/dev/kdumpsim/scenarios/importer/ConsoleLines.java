package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pasted console text back to the kernel's lines:
 * <ul>
 * <li>mail quoting ({@code > }, nested {@code > > } or {@code >>}) is removed;</li>
 * <li>the printk time {@code [    7.018304]} is split off; so are a syslog level {@code <6>} and a
 *     journal/syslog prefix {@code Mar  1 10:00:00 host kernel: };</li>
 * <li>a line that does not start like a log line (no timestamp where the others have one, not a
 *     {@code driver 0000:01:00.0: } or {@code subsystem: } prefix) and follows a long line (mail
 *     clients wrap at 72-80 columns) is joined to it with one space;</li>
 * <li>a second {@code Linux version} (or {@code Booting Linux on physical CPU 0x0}) banner, or a
 *     clock that goes back to under a second after it passed ten, starts the next kernel (both
 *     kernels of a kdump story are often in one paste).</li>
 * </ul>
 * Patterns are RE2 (linear in the line whatever it holds: the input is up to 16 MiB of anything).
 */
public final class ConsoleLines {

    /** A line shorter than this was not wrapped by a mail client (they wrap at 72 to 80 columns). */
    static final int WRAPPED_AT_LEAST = 60;

    private static final Pattern QUOTE = Pattern.compile("^(?:[ \\t]*>)+[ \\t]?");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*(\\d{1,10}\\.\\d{1,9})\\]\\s?");
    private static final Pattern LEVEL = Pattern.compile("^<\\d{1,2}>");
    private static final Pattern SYSLOG = Pattern.compile("^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT[\\d:.+-]+) \\S+ kernel: ");
    /** {@code driver 0000:01:00.0: }, {@code arm-smmu-v3 arm-smmu-v3.0.auto: }, {@code DMAR: }, {@code {1}[Hardware Error]: }. */
    private static final Pattern LOG_START = Pattern.compile(
            "^(?:[A-Za-z0-9_.-]+(?: [A-Za-z0-9_.:-]+)?: |\\{\\d+\\}\\[|\\t|[A-Z][a-z]+ [A-Za-z]|[A-Z]{2,}|\\[ *\\d)");
    private static final Pattern BANNER = Pattern.compile("^(?:Linux version \\d|Booting Linux on physical CPU 0x0*0\\b)");

    private static final Pattern ANSI = Pattern.compile("\\x1b\\[[0-9;?]{0,16}[A-Za-z]");

    private ConsoleLines() {
    }

    /**
     * The line without terminal colour sequences, every other character YAML may not hold (C0 but
     * tab, DEL, C1 including NEL, U+2028/9 which YAML 1.1 readers break lines at: YAML 1.2.2 section 5.1) as '?': messages go into the written YAML.
     */
    static String printable(String raw) {
        String s = raw.indexOf('\u001b') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfffe || c == 0xffff || c == 0x2028 || c == 0x2029;
            if (bad && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(bad ? '?' : c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The lines of one input file, continuing the kernel count from {@code firstKernel}. */
    public static List<LogLine> split(String file, String text, int firstKernel) {
        List<LogLine> out = new ArrayList<>();
        int kernel = firstKernel;
        java.util.Set<Character> banners = new java.util.HashSet<>(); // the banners seen in the current kernel
        double lastSeconds = -1;
        String[] physical = text.split("\r?\n|\r", -1);
        int prevLength = 0;
        boolean prevTimestamped = false;
        for (int i = 0; i < physical.length; i++) {
            String raw = printable(physical[i]);
            String s = QUOTE.matcher(raw).replaceFirst("");
            s = LEVEL.matcher(s).replaceFirst("");
            s = SYSLOG.matcher(s).replaceFirst("");
            String stripped = s.stripTrailing();
            if (stripped.isBlank()) {
                prevLength = 0;
                continue;
            }
            Matcher ts = TIMESTAMP.matcher(stripped);
            Optional<String> timestamp = Optional.empty();
            String message = stripped;
            if (ts.find()) {
                timestamp = Optional.of(ts.group(1));
                message = stripped.substring(ts.end());
            }
            if (timestamp.isEmpty() && !out.isEmpty() && prevLength >= WRAPPED_AT_LEAST
                    && out.get(out.size() - 1).message().length() + stripped.length() < Facts.MAX_PATTERN_LINE
                    && (prevTimestamped || !LOG_START.matcher(stripped).find())) {
                LogLine prev = out.remove(out.size() - 1);
                out.add(new LogLine(prev.file(), prev.line(), prev.timestamp(), prev.message() + " " + stripped.strip(), prev.kernel()));
                prevLength = stripped.length();
                continue;
            }
            double seconds = timestamp.map(Double::parseDouble).orElse(-1.0);
            boolean banner = BANNER.matcher(message).find();
            char kind = message.isEmpty() ? ' ' : message.charAt(0); // 'L'inux version, 'B'ooting Linux: arm64 prints both
            if ((banner && banners.contains(kind)) || (seconds >= 0 && seconds < 1.0 && lastSeconds > 10.0 && !banner && !out.isEmpty())) {
                kernel++;
                banners.clear();
            }
            if (banner) {
                banners.add(kind);
            }
            if (seconds >= 0) {
                lastSeconds = seconds;
            }
            out.add(new LogLine(file, i + 1, timestamp, message, kernel));
            prevLength = s.length();
            prevTimestamped = timestamp.isPresent();
        }
        return out;
    }
}
