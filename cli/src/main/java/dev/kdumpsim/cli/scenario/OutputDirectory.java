package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.scenarios.sweep.OutputLock;
import dev.kdumpsim.scenarios.sweep.SweepInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code --out DIR} of {@code run}: checked before anything is simulated, written as a set.
 * {@link #check} refuses an empty name, a path that is a file, and a directory (or, when it does
 * not exist yet, its nearest existing parent) that cannot be written. {@link #commit} writes every
 * file into a temporary directory beside DIR (inside it when only DIR is writable), then renames
 * each into DIR (atomically where the file system can: same directory tree, so same file system),
 * so a failure while writing leaves neither temporary files nor a mix of old and new files, and
 * a reader never sees a half-written file. Files are mode 0644 where the file system has POSIX permissions.
 */
final class OutputDirectory {

    private final Path dir;

    private OutputDirectory(Path dir) {
        this.dir = dir;
    }

    /** Validates {@code --out} (a usage error, exit 2, on a bad value) before the run starts. */
    static OutputDirectory check(CommandSpec spec, String out, List<String> names) {
        return check(spec, "--out", out, names);
    }

    /** The same check for the directory another option writes into ({@code option} names it in errors). */
    static OutputDirectory check(CommandSpec spec, String option, String out, List<String> names) {
        if (out.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " needs a directory name, got an empty one (write e.g. --out out/)");
        }
        Path dir = Path.of(out).toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException(option + " " + out + ": exists and is not a directory (name a directory, new or existing)");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserInputException(option + " " + out + ": " + existing + " is not a directory, so " + dir + " cannot be created");
        }
        if (!Files.isWritable(existing)) {
            throw new UserInputException(option + " " + out + ": " + existing + " is not writable");
        }
        if (existing.equals(dir)) {
            for (String n : names) {
                if (Files.isDirectory(dir.resolve(n))) {
                    throw new UserInputException(option + " " + out + ": " + dir.resolve(n) + " is a directory");
                }
            }
        }
        return new OutputDirectory(dir);
    }

    /** One file an option names ({@code --html FILE}), written atomically into its directory. */
    record File(OutputDirectory dir, String name) {
        void write(String text) {
            dir.commit(Map.of(name, text));
        }
    }

    /** Validates an option naming one output file before the run; {@code example} is the hint's file name. */
    static File file(CommandSpec spec, String option, String path, String example) {
        if (path.isBlank() || Path.of(path).getFileName() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " needs a file name (write e.g. "
                    + option + " " + example + ")");
        }
        Path p = Path.of(path).toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            throw new UserInputException(option + " " + path + ": is a directory (name a file, e.g. " + p.resolve(example) + ")");
        }
        String name = p.getFileName().toString();
        return new File(check(spec, option, p.getParent().toString(), List.of(name)), name);
    }

    /** A file's content, written to it as it is produced (kernel.log is streamed from the log stores, not held as text). */
    @FunctionalInterface
    interface Body {
        void writeTo(Appendable out) throws IOException;

        static Body of(String text) {
            return out -> out.append(text);
        }
    }

    /** Writes all {@code files} (name to text) or none; throws a one-line {@link UserInputException} on failure. */
    void commit(Map<String, String> files) {
        Map<String, Body> bodies = new LinkedHashMap<>();
        files.forEach((name, text) -> bodies.put(name, Body.of(text)));
        commitBodies(bodies);
    }

    /** {@link #commit}, each file written from its {@link Body}. */
    void commitBodies(Map<String, Body> files) {
        Path parent = Files.exists(dir) ? dir.getParent() : nearestExisting(dir);
        if (parent == null || !Files.isWritable(parent)) {
            parent = dir; // an existing DIR in a read-only parent: the temporary directory goes inside it
        }
        Path tmp = null;
        try (OutputLock lock = OutputLock.acquire(dir, "run")) {
            // one writer at a time (a sweep or merge on the same directory, or another run)
            tmp = Files.createTempDirectory(parent, ".kdumpsim-out-");
            Map<Path, Path> moves = new LinkedHashMap<>();
            for (Map.Entry<String, Body> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                try (java.io.Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                    f.getValue().writeTo(w);
                }
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
                }
                moves.put(p, dir.resolve(f.getKey()));
            }
            Files.createDirectories(dir);
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                try {
                    Files.move(m.getKey(), m.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (SweepInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + dir + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    private static Path nearestExisting(Path p) {
        Path q = p.getParent();
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q;
    }

    private static void delete(Path tmp) {
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the files were either moved already or are in a temp dir named as ours
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
