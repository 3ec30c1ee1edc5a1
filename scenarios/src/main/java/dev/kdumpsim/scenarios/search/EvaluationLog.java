package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.sweep.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluations.jsonl}: line 1 the {@link SearchManifest}, then one {@link Evaluation} per
 * line. While the search runs it is the journal: each evaluation is appended with one write as it
 * finishes, so a killed search loses only the runs in flight and at most tears its last line
 * ({@code --resume} drops that line and runs the candidate again). When the search ends it is
 * rewritten atomically in candidate order: the record shards are merged from, the same bytes at
 * any {@code --jobs}.
 */
final class EvaluationLog implements AutoCloseable {

    static final String NAME = "evaluations.jsonl";

    private final FileChannel channel;

    private EvaluationLog(FileChannel channel) {
        this.channel = channel;
    }

    /** Rewrites the file with {@code kept} (no torn line), then opens it for appending. */
    static EvaluationLog start(Path dir, SearchManifest m, List<Evaluation> kept) throws IOException {
        write(dir, m, kept);
        return new EvaluationLog(FileChannel.open(dir.resolve(NAME), StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** The finished file: every evaluation, in the order given. */
    static void write(Path dir, SearchManifest m, List<Evaluation> rows) throws IOException {
        StringBuilder b = new StringBuilder(Json.compact(m.toJson())).append('\n');
        for (Evaluation e : rows) {
            b.append(e.toJsonLine()).append('\n');
        }
        AtomicFiles.write(dir.resolve(NAME), b.toString());
    }

    synchronized void append(Evaluation e) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((e.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** A file's manifest and its complete evaluation lines. */
    record Contents(SearchManifest manifest, List<Evaluation> rows) {
    }

    /** What {@code dir} holds, or null if it has no evaluations file (or one torn before its header ended). */
    static Contents read(Path dir) throws IOException, SearchInputException {
        Path file = dir.resolve(NAME);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            return null;
        } catch (CharacterCodingException e) {
            throw new SearchInputException(file + ": not UTF-8 text; remove it, or use another --out");
        }
        String[] lines = text.split("\n", -1);
        int complete = lines.length - 1; // the part after the last newline is empty, or a line torn by a kill
        if (complete < 1) {
            return null;
        }
        SearchManifest m;
        try {
            m = SearchManifest.fromJson(Json.parse(lines[0]));
        } catch (IllegalArgumentException e) {
            throw new SearchInputException(file + ":1: not a search's evaluations (" + e.getMessage() + "); use another --out");
        }
        List<Evaluation> rows = new ArrayList<>();
        for (int i = 1; i < complete; i++) {
            try {
                rows.add(Evaluation.fromJsonLine(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new SearchInputException(file + ":" + (i + 1) + ": corrupt evaluation line (" + e.getMessage()
                        + "); remove the line, or run without --resume");
            }
        }
        return new Contents(m, rows);
    }
}
