package dev.kdumpsim.kernel.log;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact form of a {@link LogRecord} in a {@link LogSpillFile}: times as variable-length
 * integers, the level as a byte, and the strings that repeat from record to record (kernel id,
 * dev_printk prefix, format, string arguments) as indices into a table this codec keeps, so a
 * flood of one message costs its times, arguments and text per record. The text is stored, not
 * formatted again from format and arguments: every reader needs it and {@link Printf} is the
 * expensive part of a record.
 *
 * <p>Argument types round-trip as they were ({@code Integer Long Short Byte Character Boolean
 * String}, null); any other argument comes back as its {@code toString()}, which is what
 * {@code %s} printed (the text itself is unchanged). The table is shared by writer and reader
 * (one store, one process) and capped, so a message with ever-new string arguments writes them
 * inline instead of growing the table.
 */
final class LogRecordCodec {

    /** Most distinct strings kept in the table (formats and device names number in the hundreds). */
    static final int TABLE_CAP = 4096;
    /** Longest string written with {@code writeUTF}, whose limit is 65535 bytes of modified UTF-8 (3 per char at most). */
    private static final int UTF_MAX_CHARS = 65535 / 3;

    private static final LogLevel[] LEVELS = LogLevel.values();

    private static final int NULL = 0, INT = 1, LONG = 2, STRING = 3, CHAR = 4, BOOLEAN = 5, SHORT = 6, BYTE = 7,
            OTHER = 8;

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> table = new ArrayList<>();

    void write(DataOutput out, LogRecord r) throws IOException {
        writeRef(out, r.kernelId());
        writeVarLong(out, r.timeNs());
        writeVarLong(out, r.kernelTimeNs());
        out.writeByte(r.level().ordinal());
        writeRef(out, r.devPrefix());
        writeRef(out, r.format());
        List<Object> args = r.args();
        writeVarLong(out, args.size());
        for (Object a : args) {
            writeArg(out, a);
        }
        writeString(out, r.text());
    }

    LogRecord read(DataInput in) throws IOException {
        String kernelId = readRef(in);
        long timeNs = readVarLong(in);
        long kernelTimeNs = readVarLong(in);
        LogLevel level = LEVELS[in.readByte()];
        String devPrefix = readRef(in);
        String format = readRef(in);
        int n = (int) readVarLong(in);
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            args[i] = readArg(in);
        }
        String text = readString(in);
        return new LogRecord(kernelId, timeNs, kernelTimeNs, level, devPrefix, format,
                Collections.unmodifiableList(java.util.Arrays.asList(args)), text);
    }

    private void writeArg(DataOutput out, Object a) throws IOException {
        if (a == null) {
            out.writeByte(NULL);
        } else if (a instanceof Integer v) {
            out.writeByte(INT);
            writeVarLong(out, v);
        } else if (a instanceof Long v) {
            out.writeByte(LONG);
            writeVarLong(out, v);
        } else if (a instanceof String v) {
            out.writeByte(STRING);
            writeRef(out, v);
        } else if (a instanceof Character v) {
            out.writeByte(CHAR);
            out.writeChar(v);
        } else if (a instanceof Boolean v) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(v);
        } else if (a instanceof Short v) {
            out.writeByte(SHORT);
            out.writeShort(v);
        } else if (a instanceof Byte v) {
            out.writeByte(BYTE);
            out.writeByte(v);
        } else {
            out.writeByte(OTHER);
            writeString(out, a.toString());
        }
    }

    private Object readArg(DataInput in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case INT -> (int) readVarLong(in);
            case LONG -> readVarLong(in);
            case STRING -> readRef(in);
            case CHAR -> in.readChar();
            case BOOLEAN -> in.readBoolean();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case OTHER -> readString(in);
            default -> throw new IOException("corrupt spill file: argument tag " + tag);
        };
    }

    /** A table index plus one, or 0 and the string inline (the table is full). */
    private void writeRef(DataOutput out, String s) throws IOException {
        Integer i = index.get(s);
        if (i == null && table.size() < TABLE_CAP) {
            i = table.size();
            table.add(s);
            index.put(s, i);
        }
        if (i == null) {
            writeVarLong(out, 0);
            writeString(out, s);
        } else {
            writeVarLong(out, i + 1L);
        }
    }

    private String readRef(DataInput in) throws IOException {
        int i = (int) readVarLong(in);
        return i == 0 ? readString(in) : table.get(i - 1);
    }

    /** Any Java string exactly, lone surrogates included: modified UTF-8 when it fits, UTF-16 chars when not. */
    private static void writeString(DataOutput out, String s) throws IOException {
        writeVarLong(out, s.length());
        if (s.length() <= UTF_MAX_CHARS) {
            out.writeUTF(s);
        } else {
            out.writeChars(s);
        }
    }

    private static String readString(DataInput in) throws IOException {
        int n = (int) readVarLong(in);
        if (n <= UTF_MAX_CHARS) {
            return in.readUTF();
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = in.readChar();
        }
        return new String(c);
    }

    /** Zigzag then 7 bits a byte, low first: small magnitudes of either sign take one or two bytes. */
    static void writeVarLong(DataOutput out, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    static long readVarLong(DataInput in) throws IOException {
        long z = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readByte();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new IOException("corrupt spill file: variable-length integer longer than 10 bytes");
    }
}
