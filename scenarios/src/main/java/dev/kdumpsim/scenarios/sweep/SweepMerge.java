package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kdumpsim merge}: combines the output directories of a sweep's shards into exactly the
 * files the unsharded sweep writes. The shards must be of one sweep (equal manifests apart from
 * the shard) and together hold every variant exactly once; anything else is an error naming
 * what is missing or doubled, never a partial result.
 */
public final class SweepMerge {

    private SweepMerge() {
    }

    public static SweepResult merge(List<Path> shardDirs, Path out) throws IOException, SweepInputException {
        if (shardDirs.isEmpty()) {
            throw new SweepInputException("nothing to merge: give the shards' output directories");
        }
        Path outReal = real(out);
        for (Path dir : shardDirs) {
            if (real(dir).equals(outReal)) {
                throw new SweepInputException("--out " + out + " is one of the directories to merge (" + dir
                        + "): merging would overwrite a shard's results with the merge; give another --out");
            }
        }
        try (OutputLock lock = OutputLock.acquire(out, "merge")) {
            return mergeLocked(shardDirs, out);
        }
    }

    /** The directory itself, through symbolic links when it exists, so two spellings of one directory compare equal. */
    private static Path real(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        return Files.exists(abs) ? abs.toRealPath() : abs;
    }

    private static SweepResult mergeLocked(List<Path> shardDirs, Path out) throws IOException, SweepInputException {
        SweepManifest whole = null;
        Path first = null;
        VariantRow[] rows = null;
        Path[] from = null;
        for (Path dir : shardDirs) {
            SweepManifest m = manifest(dir);
            SweepManifest w = m.withShard(Shard.ALL);
            if (whole == null) {
                whole = w;
                first = dir;
                rows = new VariantRow[w.variants()];
                from = new Path[w.variants()];
            } else if (!whole.equals(w)) {
                throw new SweepInputException(dir + " holds another sweep than " + first + " (scenario, parameters, seeds or --set differ)");
            }
            for (VariantRow r : readRows(dir.resolve(SweepOutputs.RESULTS_JSONL))) {
                if (r.index() < 0 || r.index() >= rows.length) {
                    throw new SweepInputException(dir + ": variant #" + r.index() + " is outside the sweep's " + rows.length + " variants");
                }
                if (rows[r.index()] != null) {
                    throw new SweepInputException("variant #" + r.index() + " is in both " + from[r.index()] + " and " + dir
                            + " (the same shard given twice?)");
                }
                rows[r.index()] = r;
                from[r.index()] = dir;
            }
        }
        List<VariantRow> all = new ArrayList<>(rows.length);
        int missing = 0;
        int firstMissing = -1;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                missing++;
                firstMissing = firstMissing < 0 ? i : firstMissing;
            } else {
                all.add(rows[i]);
            }
        }
        if (missing > 0) {
            throw new SweepInputException(missing + " of " + rows.length + " variants are in none of the directories (first: #" + firstMissing
                    + "); is a shard missing or unfinished?");
        }
        List<String> files = SweepOutputs.write(out, whole, all);
        return SweepResult.of(all, 0, files);
    }

    private static SweepManifest manifest(Path dir) throws IOException, SweepInputException {
        Path file = dir.resolve(SweepOutputs.MANIFEST);
        try {
            return SweepManifest.fromJson(Json.parse(SweepJournal.readUtf8(file)));
        } catch (NoSuchFileException e) {
            String hint = Files.exists(dir.resolve(SweepJournal.NAME)) ? " (it has a journal: the shard did not finish; rerun it with --resume)" : "";
            throw new SweepInputException(dir + " is not a finished sweep output: no " + SweepOutputs.MANIFEST + hint);
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(file + ": " + e.getMessage());
        }
    }

    /** The rows of a results.jsonl file. */
    static List<VariantRow> readRows(Path file) throws IOException, SweepInputException {
        List<VariantRow> rows = new ArrayList<>();
        List<String> lines;
        try {
            lines = List.of(SweepJournal.readUtf8(file).split("\n", -1));
        } catch (NoSuchFileException e) {
            throw new SweepInputException(file + ": missing");
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            try {
                rows.add(VariantRow.fromJsonLine(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new SweepInputException(file + ":" + (i + 1) + ": not a result row (" + e.getMessage() + ")");
            }
        }
        return rows;
    }
}
