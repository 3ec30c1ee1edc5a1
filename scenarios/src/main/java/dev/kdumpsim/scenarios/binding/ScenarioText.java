package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bounds every scenario text is read within, enforced while reading rather than after: a
 * file is read through a stream that stops one byte past {@link #MAX_FILE_BYTES} (so
 * {@code /dev/zero} or a runaway generator is refused after 1 MiB, not after the heap is gone),
 * decoded as strict UTF-8 with the first malformed byte located, and scanned once for characters
 * YAML does not allow and for over-long lines before the YAML scanner sees it.
 *
 * <p>Why lines: snakeyaml-engine's scanner is super-linear in the length of one token (a 1 MiB
 * plain scalar takes about 2 s, a 50 MB quoted scalar over 580 s), so the line bound keeps
 * every token short; scalars that span lines are bounded by {@link #MAX_SCALAR_CHARS} in
 * {@link LimitedParser}. Scenario files are a few KiB; the bounds are orders of magnitude above.
 */
public final class ScenarioText {

    /** Largest scenario file, in bytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Longest line, in characters. */
    public static final int MAX_LINE_CHARS = 16 * 1024;
    /** Longest scalar value (after folding), in characters. */
    public static final int MAX_SCALAR_CHARS = 64 * 1024;
    /** Deepest nesting of mappings and lists (the scenario format itself needs 8). */
    public static final int MAX_DEPTH = 64;

    private ScenarioText() {
    }

    /** Reads {@code file} as scenario text: at most {@link #MAX_FILE_BYTES}, strict UTF-8. */
    public static String read(Path file) throws ScenarioException {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new ScenarioException(name, 0, 0, "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check the path");
        }
        String text = decode(name, bytes, Math.min(bytes.length, MAX_FILE_BYTES));
        if (bytes.length > MAX_FILE_BYTES) {
            int[] lc = lineColumn(text, text.length());
            throw new ScenarioException(name, lc[0], lc[1], "the file is larger than " + MAX_FILE_BYTES / 1024
                    + " KiB; reading stopped here", "a scenario is a few KiB of YAML: is this the right file?");
        }
        return text;
    }

    /** Strict UTF-8 of the first {@code length} bytes; a malformed sequence is located at its line and column. */
    static String decode(String name, byte[] bytes, int length) throws ScenarioException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult r = d.decode(in, out, bytes.length <= length);
        if (r.isError()) {
            out.flip();
            String before = out.toString();
            int[] lc = lineColumn(before, before.length());
            throw new ScenarioException(name, lc[0], lc[1], String.format(Locale.ROOT,
                    "not UTF-8 text: byte 0x%02x at offset %d", bytes[in.position()] & 0xff, in.position()), "save the file as UTF-8");
        }
        out.flip();
        return out.toString(); // a sequence cut at the size limit stays undecoded; the size error follows
    }

    /**
     * Checks {@code text} before it is scanned: length, characters YAML 1.2 does not allow
     * (c-printable, YAML 1.2.2 section 5.1: NUL and other C0 controls but tab and line breaks),
     * line length. Each violation is located at its own line and column.
     */
    public static void check(String label, String text) throws ScenarioException {
        if (text.length() > MAX_FILE_BYTES) {
            int[] lc = lineColumn(text, MAX_FILE_BYTES);
            throw at(label, lc, "the scenario text is longer than " + MAX_FILE_BYTES / 1024 + " KiB", "a scenario is a few KiB of YAML");
        }
        int line = 1;
        int col = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                col = 1;
                i++;
                lineStart = i;
                continue;
            }
            if (!printable(c)) {
                throw at(label, new int[] {line, col}, String.format(Locale.ROOT, "character U+%04X is not allowed in YAML", c),
                        c == 0 ? "NUL bytes mean a binary file or UTF-16 text: save it as UTF-8" : "remove it or write it as an escape in a double-quoted string");
            }
            if (i - lineStart >= MAX_LINE_CHARS) {
                throw at(label, new int[] {line, col}, "line is longer than " + MAX_LINE_CHARS + " characters",
                        "split long values: YAML folds a quoted string across lines");
            }
            i += Character.charCount(c);
            col++;
        }
    }

    /** c-printable of YAML 1.2 (x9, xA, xD, x20-x7E, x85, xA0-xD7FF, xE000-xFFFD, x10000-x10FFFF); a BOM is allowed. */
    static boolean printable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** 1-based line and column (in code points) of char index {@code end} of {@code text}. */
    static int[] lineColumn(String text, int end) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < end && i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                col = 1;
            } else if (c != '\r') {
                col++;
            }
            i += Character.charCount(c);
        }
        return new int[] {line, col};
    }

    private static ScenarioException at(String label, int[] lc, String message, String hint) {
        if (label != null && label.startsWith("--set ")) {
            return new ScenarioException(label, 0, 0, message, hint);
        }
        return new ScenarioException(label, lc[0], lc[1], message, hint);
    }
}
