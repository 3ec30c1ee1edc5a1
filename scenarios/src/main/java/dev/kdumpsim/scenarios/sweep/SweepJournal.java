package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code journal.jsonl}: the sweep's progress while it runs. Line 1 is the manifest (with the
 * shard) as one JSON line; each further line is one finished variant's row, appended with one
 * {@code write(2)} as soon as it finishes, so a killed sweep loses at most the variants still
 * running and leaves at most a torn last line. {@code --resume} reads it back ({@link #recover}),
 * dropping a torn last line, and the final outputs hold every row exactly once. The journal is
 * deleted once the outputs are written.
 */
final class SweepJournal implements AutoCloseable {

    static final String NAME = "journal.jsonl";

    private final FileChannel channel;

    private SweepJournal(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Starts the journal for {@code m} holding {@code done} (rows kept from an earlier run): the
     * file is first rewritten atomically without any torn line, then opened for appending.
     */
    static SweepJournal start(Path dir, SweepManifest m, List<VariantRow> done) throws IOException {
        StringBuilder b = new StringBuilder(Json.compact(m.toJson())).append('\n');
        for (VariantRow r : done) {
            b.append(r.toJsonLine()).append('\n');
        }
        Path file = dir.resolve(NAME);
        AtomicFiles.write(file, b.toString());
        return new SweepJournal(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** Appends one finished row (thread-safe; one write per line, no buffering). */
    synchronized void append(VariantRow row) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((row.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * A file's text as strict UTF-8; bytes that are not UTF-8 are an IllegalArgumentException
     * located {@code file:line:column} (1-based, in bytes from the line's start), not a
     * MalformedInputException with no position.
     */
    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s:%d:%d: not UTF-8 text (byte 0x%02x)", file, line,
                    at - lineStart + 1, bytes[at] & 0xff));
        }
        out.flip();
        return out.toString();
    }

    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(NAME));
    }

    /**
     * The rows of an earlier, interrupted run of the same sweep and shard ({@code m}); empty if
     * {@code dir} has no journal. A torn last line is dropped; anything else unreadable, or a
     * journal of another sweep, is an error rather than a guess.
     */
    static List<VariantRow> recover(Path dir, SweepManifest m) throws IOException, SweepInputException {
        Path file = dir.resolve(NAME);
        String text;
        try {
            text = readUtf8(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(e.getMessage() + "; remove the line, or run without --resume to start over");
        }
        String[] lines = text.split("\n", -1);
        // the element after the last "\n" is "" for a complete file, or the torn tail
        int complete = lines.length - 1;
        if (complete < 1) {
            return List.of(); // killed before the header was complete: nothing finished
        }
        SweepManifest header;
        try {
            header = SweepManifest.fromJson(Json.parse(lines[0]));
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(file + ":1: not a sweep journal (" + e.getMessage() + "); remove it or run without --resume");
        }
        if (!header.equals(m)) {
            throw new SweepInputException(file + ": the journal belongs to another sweep (" + header.scenario()
                    + (header.shard() == null ? "" : ", shard " + header.shard()) + ", " + header.variants()
                    + " variants); use another --out directory, or run without --resume to start over");
        }
        List<VariantRow> rows = new ArrayList<>();
        // lines[complete] is what follows the last "\n": empty, or a line torn by the kill, whose
        // variant simply runs again (a row is complete only with its newline)
        for (int i = 1; i < complete; i++) {
            try {
                rows.add(VariantRow.fromJsonLine(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new SweepInputException(file + ":" + (i + 1) + ": corrupt journal line (" + e.getMessage()
                        + "); remove the line, or run without --resume to start over");
            }
        }
        return rows;
    }
}
