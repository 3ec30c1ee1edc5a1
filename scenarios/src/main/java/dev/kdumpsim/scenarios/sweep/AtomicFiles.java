package dev.kdumpsim.scenarios.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file writes that never leave a half-written file: the bytes go to a temporary file in
 * the same directory, which is then renamed over the target with {@code ATOMIC_MOVE} (rename(2)
 * on POSIX). A sweep killed while writing its outputs leaves the old file or the new one.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** rw-r--r-- for every file a sweep writes, whatever the umask: the outputs are meant to be shared (a no-op off POSIX). */
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> MODE_0644 =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    static void shareable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, MODE_0644);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its files are owner-only (0600), and the outputs are meant to be shared
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
        try {
            Files.write(tmp, bytes);
            shareable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
