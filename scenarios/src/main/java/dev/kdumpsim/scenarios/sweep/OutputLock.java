package dev.kdumpsim.scenarios.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sweep, merge or run at a time per output directory: an exclusive lock ({@code fcntl}/{@code flock}
 * through {@link FileChannel#tryLock()}) on {@code DIR/.kdumpsim.lock}, held until the command
 * ends. A second sweep or merge on the same {@code --out} fails at once instead of interleaving
 * its journal and outputs with the first. The operating system drops the lock when the process
 * dies, so a killed sweep never leaves the directory locked; a finished one removes the file.
 */
public final class OutputLock implements AutoCloseable {

    static final String NAME = ".kdumpsim.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private OutputLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /** Locks {@code dir} (created if needed) for {@code command}, or fails naming the directory. */
    public static OutputLock acquire(Path dir, String command) throws IOException, SweepInputException {
        Files.createDirectories(dir);
        Path file = dir.resolve(NAME);
        for (int attempt = 0; attempt < 8; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            Object key = fileKey(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM (another sweep in the same process)
            }
            if (lock == null) {
                channel.close();
                throw new SweepInputException(dir + " is in use by another kdumpsim sweep or merge (or run) (" + file + " is locked); "
                        + command + " needs its --out to itself: wait for the other one or give another --out");
            }
            if (key == null || key.equals(fileKey(file))) {
                return new OutputLock(channel, lock, file);
            }
            // the holder deleted the file between our open and our lock: lock the current file instead
            lock.release();
            channel.close();
        }
        throw new SweepInputException(dir + ": could not lock " + file + " (it keeps being replaced); give another --out");
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the lock file while still holding the lock (a waiter that opened it retries on the new file), then unlocks. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
