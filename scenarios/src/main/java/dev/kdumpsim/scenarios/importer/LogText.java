package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a pasted log or lspci output within bounds: at most {@link #MAX_BYTES} (read through a
 * stream that stops one byte past it, so {@code /dev/zero} is refused after 16 MiB, not after
 * the heap), text (a NUL byte, or a control character in more than one line in a hundred, means
 * a binary file: located at the first one), not empty. Malformed UTF-8 is replaced, not refused:
 * consoles and mail clients mangle bytes, and the lines that matter are ASCII.
 */
public final class LogText {

    /** Largest input file, in bytes (a full boot log of a big server is a few MiB). */
    public static final int MAX_BYTES = 16 << 20;

    private LogText() {
    }

    /** The text of {@code file}, or one located error. */
    public static String read(Path file) throws ScenarioException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ScenarioException(name, 0, 0, "is a directory, not a log file", "name the file the console log was saved in");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ScenarioException(name, 0, 0, "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check the path and its permissions");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ScenarioException(name, 0, 0, "the file is larger than " + (MAX_BYTES >> 20) + " MiB; reading stopped there",
                    "cut the log to the boot of both kernels (the lines from 'Linux version' to the end)");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        check(name, text);
        return text;
    }

    /** Refuses empty and binary text, locating the first offending character. */
    static void check(String name, String text) throws ScenarioException {
        if (text.isBlank()) {
            throw new ScenarioException(name, 1, 1, "the file is empty", "paste the console log or dmesg output into it");
        }
        int line = 1;
        int col = 1;
        int lines = 1;
        int badLines = 0;
        boolean badHere = false;
        int firstLine = 0;
        int firstCol = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lines++;
                col = 1;
                badHere = false;
                continue;
            }
            if (c == 0 || (c < 0x20 && c != '\t' && c != '\r' && c != 0x1b && c != '\f')) {
                if (c == 0) {
                    throw new ScenarioException(name, line, col, "not text: a NUL byte", "this looks like a binary file (a vmcore, a gzip): give the console log as text");
                }
                if (!badHere) {
                    badLines++;
                    badHere = true;
                    if (firstLine == 0) {
                        firstLine = line;
                        firstCol = col;
                    }
                }
            }
            col++;
        }
        if (badLines > 0 && badLines * 100 > lines) {
            throw new ScenarioException(name, firstLine, firstCol, String.format(java.util.Locale.ROOT,
                    "not text: control characters in %d of %d lines", badLines, lines), "give the console log as text (dmesg > file)");
        }
    }
}
