package dev.kdumpsim.kernel.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file a {@link LogStore} moves its older records to: append-only, read back from the start.
 *
 * <p>Opened with {@code DELETE_ON_CLOSE}, which on Linux unlinks the file as soon as it is open, so
 * nothing is left in {@code java.io.tmpdir} even when the JVM is killed; its space is given back
 * when the channel closes: by {@link #close}, or by a {@link Cleaner} once the store is unreachable
 * (a sweep drops each run's outcome without closing it). Reads are positional and never move the
 * append position, so any number of readers may follow the writer.
 */
final class LogSpillFile implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    /** What the cleaner closes: holds the channel, not the file object, or the file would never become unreachable. */
    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do: the file is already unlinked
            }
        }
    }

    private final FileChannel channel;
    private final Cleaner.Cleanable cleanable;
    private long length;

    private LogSpillFile(FileChannel channel) {
        this.channel = channel;
        this.cleanable = CLEANER.register(this, new Closer(channel));
    }

    /** A new, empty spill file in {@code java.io.tmpdir}. */
    static LogSpillFile create() {
        try {
            Path p = Files.createTempFile("kdumpsim-log-", ".records");
            return new LogSpillFile(FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill the kernel log to java.io.tmpdir ("
                    + System.getProperty("java.io.tmpdir") + "): " + e.getMessage(), e);
        }
    }

    /** Bytes written so far. */
    long length() {
        return length;
    }

    /** Appends; callers buffer (one write per buffer, not per record). */
    OutputStream appender() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                try {
                    while (buf.hasRemaining()) {
                        length += channel.write(buf, length);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the kernel log's spill file: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Reads from byte 0 up to what has been appended when each read happens. */
    InputStream reader() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                try {
                    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, length - position)), position);
                    if (n > 0) {
                        position += n;
                    }
                    return n;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the kernel log's spill file: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Closes the channel, which deletes the file. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
