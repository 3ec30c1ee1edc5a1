package dev.kdumpsim.scenarios.value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of sweep values: {@code lo..hi} (step 1), {@code lo..hi:step} (additive) or
 * {@code lo..hi:*factor} (geometric), both ends inclusive when hit. The kind is read from the
 * text: plain integers ({@code 16..64:16}), sizes ({@code 4KiB..1MiB:*4}, written back in the
 * scenario format's canonical form, e.g. {@code 256KiB}) or durations ({@code 1ms..10ms:1ms}).
 * Sizes and durations need an explicit step, since a step of one byte or one nanosecond is
 * never what was meant.
 */
public final class ValueRange {

    /** More values than this is a typo, not a sweep. */
    public static final int MAX_VALUES = 10_000;

    private static final Pattern RANGE = Pattern.compile("^\\s*(.+?)\\s*\\.\\.\\s*([^:]+?)\\s*(?::\\s*(\\*)?\\s*(.+?)\\s*)?$");
    private static final Pattern INTEGER = Pattern.compile("-?(0[xX][0-9a-fA-F_]+|[0-9_]+)");

    private ValueRange() {
    }

    /** True if {@code text} looks like a range ({@code lo..hi...}), not a single value. */
    public static boolean isRange(String text) {
        return RANGE.matcher(text).matches() && !text.strip().startsWith("[");
    }

    /**
     * The values of {@code text}, in increasing order.
     *
     * @throws IllegalArgumentException with one human message if the range is malformed
     */
    public static List<String> expand(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a range (write lo..hi, lo..hi:step or lo..hi:*factor)");
        }
        String lo = m.group(1);
        String hi = m.group(2);
        boolean geometric = m.group(3) != null;
        String step = m.group(4);
        Kind kind = kind(lo, text);
        long a = kind.parse(lo);
        long b = kind.parse(hi);
        if (b < a) {
            throw new IllegalArgumentException("range '" + text + "' ends below its start");
        }
        long s;
        if (step == null) {
            if (kind != Kind.INTEGER) {
                throw new IllegalArgumentException("range '" + text + "' of " + kind.noun + " needs a step");
            }
            s = 1;
        } else if (geometric) {
            s = integer(step, text);
            if (s < 2) {
                throw new IllegalArgumentException("factor in '" + text + "' must be at least 2");
            }
            if (a <= 0) {
                throw new IllegalArgumentException("geometric range '" + text + "' must start above 0");
            }
        } else {
            s = kind == Kind.INTEGER ? integer(step, text) : kind.parse(step);
            if (s <= 0) {
                throw new IllegalArgumentException("step in '" + text + "' must be above 0");
            }
        }
        List<String> out = new ArrayList<>();
        for (long v = a; v <= b; ) {
            if (out.size() == MAX_VALUES) {
                throw new IllegalArgumentException("range '" + text + "' has more than " + MAX_VALUES + " values (use a larger step)");
            }
            out.add(kind.format(v));
            long next = geometric ? v * s : v + s;
            if (geometric ? (v > Long.MAX_VALUE / s) : next < v) {
                break; // overflow: past any hi
            }
            v = next;
        }
        return out;
    }

    private static long integer(String s, String text) {
        if (!INTEGER.matcher(s.strip()).matches()) {
            throw new IllegalArgumentException("'" + s + "' in range '" + text + "' is not an integer");
        }
        return parseInteger(s);
    }

    private static long parseInteger(String s) {
        String t = s.strip().replace("_", "");
        boolean neg = t.startsWith("-");
        if (neg) {
            t = t.substring(1);
        }
        long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        return neg ? -v : v;
    }

    private static Kind kind(String lo, String text) {
        if (INTEGER.matcher(lo.strip()).matches()) {
            return Kind.INTEGER;
        }
        try {
            ByteSize.parse(lo);
            return Kind.SIZE;
        } catch (IllegalArgumentException e) {
            // not a size
        }
        try {
            SimDuration.parse(lo);
            return Kind.DURATION;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("range '" + text + "': '" + lo.strip() + "' is not an integer, a size (4KiB) or a duration (1ms)");
        }
    }

    private enum Kind {
        INTEGER("integers"), SIZE("sizes"), DURATION("durations");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        long parse(String s) {
            try {
                return switch (this) {
                    case INTEGER -> parseInteger(s);
                    case SIZE -> ByteSize.parse(s).bytes();
                    case DURATION -> SimDuration.parse(s).nanos();
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s.strip() + "' is not one of the range's " + noun);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s.strip() + "' is not one of the range's " + noun + ": " + e.getMessage());
            }
        }

        String format(long v) {
            return switch (this) {
                case INTEGER -> Long.toString(v);
                case SIZE -> new ByteSize(v).toString();
                case DURATION -> new SimDuration(v).toString();
            };
        }
    }
}
