package dev.kdumpsim.kernel.log;

/**
 * The subset of the kernel's {@code vsnprintf} (lib/vsprintf.c) that the modelled messages use:
 * flags {@code - 0 + space #}, width and precision (digits or {@code *}), length modifiers
 * {@code hh h l ll z}, and conversions {@code d i u x X o c s %}.
 *
 * <p>Integers follow C argument types: without a length modifier a value is an {@code int}
 * (a Long argument is truncated to 32 bits); with {@code l}/{@code ll}/{@code z} it is 64-bit;
 * {@code u x X o} print the value unsigned. {@code %p} and the kernel's {@code %p*} extensions
 * are not supported (they throw), so a message that needs them fails loudly.
 */
public final class Printf {

    private Printf() {
    }

    /** Formats {@code format} with {@code args} as the kernel would. */
    public static String format(String format, Object... args) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int argi = 0;
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= n) {
                throw new IllegalArgumentException("format ends in '%': " + format);
            }
            boolean left = false, zero = false, plus = false, space = false, alt = false;
            for (;; i++) {
                c = format.charAt(i);
                if (c == '-') left = true;
                else if (c == '0') zero = true;
                else if (c == '+') plus = true;
                else if (c == ' ') space = true;
                else if (c == '#') alt = true;
                else break;
            }
            int width = -1;
            if (c == '*') {
                width = ((Number) args[argi++]).intValue();
                if (width < 0) {
                    left = true;
                    width = -width;
                }
                c = format.charAt(++i);
            } else {
                while (c >= '0' && c <= '9') {
                    width = (width < 0 ? 0 : width * 10) + (c - '0');
                    c = format.charAt(++i);
                }
            }
            int precision = -1;
            if (c == '.') {
                c = format.charAt(++i);
                precision = 0;
                if (c == '*') {
                    precision = Math.max(0, ((Number) args[argi++]).intValue());
                    c = format.charAt(++i);
                } else {
                    while (c >= '0' && c <= '9') {
                        precision = precision * 10 + (c - '0');
                        c = format.charAt(++i);
                    }
                }
            }
            int bits = 32;
            if (c == 'h') {
                bits = 16;
                c = format.charAt(++i);
                if (c == 'h') {
                    bits = 8;
                    c = format.charAt(++i);
                }
            } else if (c == 'l' || c == 'z') {
                bits = 64;
                c = format.charAt(++i);
                if (c == 'l') {
                    c = format.charAt(++i);
                }
            }
            String body;
            switch (c) {
                case '%' -> {
                    out.append('%');
                    continue;
                }
                case 'd', 'i' -> {
                    long v = signExtend(number(args, argi++, format), bits);
                    String digits = Long.toString(Math.abs(v));
                    if (v == Long.MIN_VALUE) {
                        digits = "9223372036854775808";
                    }
                    digits = precise(digits, precision);
                    String sign = v < 0 ? "-" : plus ? "+" : space ? " " : "";
                    body = pad(sign, digits, width, left, zero && precision < 0);
                }
                case 'u', 'x', 'X', 'o' -> {
                    long v = zeroExtend(number(args, argi++, format), bits);
                    String digits = switch (c) {
                        case 'u' -> Long.toUnsignedString(v);
                        case 'x' -> Long.toHexString(v);
                        case 'X' -> Long.toHexString(v).toUpperCase();
                        default -> Long.toOctalString(v);
                    };
                    digits = precise(digits, precision);
                    // lib/vsprintf.c number(): SPECIAL always gives hex its 0x (so "%#x" of 0 is "0x0",
                    // unlike C's printf), and octal its 0 only for a non-zero value
                    String prefix = !alt ? "" : c == 'x' ? "0x" : c == 'X' ? "0X" : v == 0 ? "" : "0";
                    body = pad(prefix, digits, width, left, zero && precision < 0);
                }
                case 'c' -> body = pad("", String.valueOf(charArg(args, argi++, format)), width, left, false);
                case 's' -> {
                    Object a = arg(args, argi++, format);
                    String s = a == null ? "(null)" : a.toString();
                    if (precision >= 0 && s.length() > precision) {
                        s = s.substring(0, precision);
                    }
                    body = pad("", s, width, left, false);
                }
                default -> throw new IllegalArgumentException("unsupported conversion '%" + c + "' in: " + format);
            }
            out.append(body);
        }
        if (argi != args.length) {
            throw new IllegalArgumentException(args.length + " arguments for " + argi + " conversions in: " + format);
        }
        return out.toString();
    }

    private static Object arg(Object[] args, int i, String format) {
        if (i >= args.length) {
            throw new IllegalArgumentException("too few arguments for: " + format);
        }
        return args[i];
    }

    private static long number(Object[] args, int i, String format) {
        Object a = arg(args, i, format);
        if (a instanceof Number num) {
            return num.longValue();
        }
        if (a instanceof Character ch) {
            return ch;
        }
        if (a instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("argument " + i + " is not a number (" + a + ") for: " + format);
    }

    private static char charArg(Object[] args, int i, String format) {
        Object a = arg(args, i, format);
        return a instanceof Character ch ? ch : (char) (number(args, i, format) & 0xFF);
    }

    private static long signExtend(long v, int bits) {
        return bits == 64 ? v : (v << (64 - bits)) >> (64 - bits);
    }

    private static long zeroExtend(long v, int bits) {
        return bits == 64 ? v : v & ((1L << bits) - 1);
    }

    private static String precise(String digits, int precision) {
        if (precision == 0 && digits.equals("0")) {
            return "";
        }
        if (precision > digits.length()) {
            return "0".repeat(precision - digits.length()) + digits;
        }
        return digits;
    }

    private static String pad(String prefix, String digits, int width, boolean left, boolean zero) {
        int len = prefix.length() + digits.length();
        if (width <= len) {
            return prefix + digits;
        }
        int fill = width - len;
        if (left) {
            return prefix + digits + " ".repeat(fill);
        }
        if (zero) {
            return prefix + "0".repeat(fill) + digits;
        }
        return " ".repeat(fill) + prefix + digits;
    }
}
