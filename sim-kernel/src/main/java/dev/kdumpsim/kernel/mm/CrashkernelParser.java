package dev.kdumpsim.kernel.mm;

import java.util.Optional;

/**
 * {@code crashkernel=} parsing as kernel/crash_core.c (v4.19) does it:
 * {@code parse_crashkernel_simple} ({@code size[@offset]}), {@code parse_crashkernel_mem}
 * ({@code start-[end]:size[,...][@offset]}, matched against {@code memblock_phys_mem_size()};
 * no 128 MiB round-up, that came in v6.0) and {@code parse_crashkernel_suffix}
 * ({@code size,high} / {@code size,low}); numbers via lib/cmdline.c {@code memparse}.
 *
 * <p>Where the kernel would {@code pr_warn} and return -EINVAL, this throws
 * {@link IllegalArgumentException} quoting the kernel's warning plus a hint, so a scenario
 * with a typo fails at validation instead of silently booting without a reservation.
 */
final class CrashkernelParser {

    private CrashkernelParser() {
    }

    /**
     * {@code get_last_crashkernel} + {@code __parse_crashkernel}: the last {@code crashkernel=}
     * of {@code cmdline} of the wanted kind (PLAIN skips options ending in ",high"/",low").
     */
    public static Optional<CrashkernelSpec> fromCommandLine(String cmdline, long systemRam, CrashkernelSpec.Kind kind) {
        String found = null;
        for (String word : cmdline.trim().split("\\s+")) {
            if (!word.startsWith("crashkernel=")) {
                continue;
            }
            String value = word.substring("crashkernel=".length());
            CrashkernelSpec.Kind k = value.endsWith(",high") ? CrashkernelSpec.Kind.HIGH
                    : value.endsWith(",low") ? CrashkernelSpec.Kind.LOW : CrashkernelSpec.Kind.PLAIN;
            if (k == kind) {
                found = value;
            }
        }
        return found == null ? Optional.empty() : Optional.of(parse(found, systemRam));
    }

    /** Parses one option value (the text after {@code crashkernel=}). */
    public static CrashkernelSpec parse(String value, long systemRam) {
        if (value.endsWith(",high")) {
            return suffix(value, ",high", CrashkernelSpec.Kind.HIGH);
        }
        if (value.endsWith(",low")) {
            return suffix(value, ",low", CrashkernelSpec.Kind.LOW);
        }
        if (value.indexOf(':') >= 0) {
            return rangeList(value, systemRam);
        }
        return simple(value);
    }

    /** {@code parse_crashkernel_simple}. */
    private static CrashkernelSpec simple(String v) {
        int[] pos = {0};
        long size = memparse(v, pos);
        if (pos[0] == 0) {
            throw error(v, "crashkernel: memory value expected", "write a size such as 256M or 2G");
        }
        long base = 0;
        if (pos[0] < v.length() && v.charAt(pos[0]) == '@') {
            pos[0]++;
            base = memparse(v, pos);
        } else if (pos[0] < v.length()) {
            throw error(v, "crashkernel: unrecognized char: " + v.charAt(pos[0]),
                    "the form is size[@offset], e.g. 2G or 2G@0x80000000");
        }
        return new CrashkernelSpec(size, base, CrashkernelSpec.Kind.PLAIN, v);
    }

    /** {@code parse_crashkernel_suffix}. */
    private static CrashkernelSpec suffix(String v, String suffix, CrashkernelSpec.Kind kind) {
        int[] pos = {0};
        long size = memparse(v, pos);
        if (pos[0] == 0) {
            throw error(v, "crashkernel: memory value expected", "write a size such as 256M" + suffix);
        }
        if (pos[0] != v.length() - suffix.length()) {
            throw error(v, "crashkernel: unrecognized char: " + v.charAt(pos[0]),
                    "the form is size" + suffix + " (no @offset with a suffix)");
        }
        return new CrashkernelSpec(size, 0, kind, v);
    }

    /** {@code parse_crashkernel_mem}. */
    private static CrashkernelSpec rangeList(String v, long systemRam) {
        String hint = "the form is start-[end]:size[,start-[end]:size...][@offset], e.g. 512M-2G:64M,2G-:128M";
        int[] pos = {0};
        long crashSize = 0;
        do {
            int at = pos[0];
            long start = memparse(v, pos);
            if (pos[0] == at) {
                throw error(v, "crashkernel: Memory value expected", hint);
            }
            if (charAt(v, pos[0]) != '-') {
                throw error(v, "crashkernel: '-' expected", hint);
            }
            pos[0]++;
            long end = -1; // ULLONG_MAX
            if (charAt(v, pos[0]) != ':') {
                at = pos[0];
                end = memparse(v, pos);
                if (pos[0] == at) {
                    throw error(v, "crashkernel: Memory value expected", hint);
                }
                if (Long.compareUnsigned(end, start) <= 0) {
                    throw error(v, "crashkernel: end <= start", hint);
                }
            }
            if (charAt(v, pos[0]) != ':') {
                throw error(v, "crashkernel: ':' expected", hint);
            }
            pos[0]++;
            at = pos[0];
            long size = memparse(v, pos);
            if (pos[0] == at) {
                throw error(v, "Memory value expected", hint);
            }
            if (Long.compareUnsigned(size, systemRam) >= 0) {
                throw error(v, "crashkernel: invalid size", String.format(
                        "a range's size must be below the system RAM (0x%x bytes)", systemRam));
            }
            if (Long.compareUnsigned(systemRam, start) >= 0 && Long.compareUnsigned(systemRam, end) < 0) {
                crashSize = size;
                break;
            }
        } while (charAt(v, pos[0]++) == ',');
        long base = 0;
        if (crashSize > 0) {
            int p = Math.min(pos[0], v.length());
            while (p < v.length() && v.charAt(p) != '@') {
                p++;
            }
            if (p < v.length()) {
                pos[0] = p + 1;
                base = memparse(v, pos);
                if (pos[0] == p + 1) {
                    throw error(v, "Memory value expected after '@'", hint);
                }
            }
        }
        return new CrashkernelSpec(crashSize, base, CrashkernelSpec.Kind.PLAIN, v);
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /**
     * lib/cmdline.c {@code memparse}: {@code simple_strtoull(ptr, &end, 0)} (0x.. hex, 0.. octal,
     * else decimal), then an optional K/M/G/T/P/E suffix (either case), each a further
     * {@code <<= 10}. Advances {@code pos[0]}; leaves it unchanged when no digit was read.
     */
    public static long memparse(String s, int[] pos) {
        int i = pos[0];
        int radix = 10;
        if (charAt(s, i) == '0' && Character.toLowerCase(charAt(s, i + 1)) == 'x'
                && Character.digit(charAt(s, i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (charAt(s, i) == '0') {
            radix = 8;
        }
        int digitsStart = i;
        long v = 0;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            v = v * radix + Character.digit(s.charAt(i), radix);
            i++;
        }
        if (i == digitsStart) {
            return 0;
        }
        int shift = switch (Character.toUpperCase(charAt(s, i))) {
            case 'E' -> 60;
            case 'P' -> 50;
            case 'T' -> 40;
            case 'G' -> 30;
            case 'M' -> 20;
            case 'K' -> 10;
            default -> 0;
        };
        if (shift > 0) {
            v <<= shift;
            i++;
        }
        pos[0] = i;
        return v;
    }

    private static IllegalArgumentException error(String value, String kernelWarning, String hint) {
        return new IllegalArgumentException("crashkernel=" + value + ": " + kernelWarning + " (" + hint + ")");
    }
}
