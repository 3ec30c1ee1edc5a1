package dev.kdumpsim.pcie;

/**
 * A function's Completion Timeout programmability (PCIe r5.0 §7.5.3.15 Device Capabilities 2
 * bits 3:0 and 4, §7.5.3.16 Device Control 2 bits 3:0 and 4) and the value firmware left in
 * Device Control 2.
 *
 * <p>Device Control 2 Completion Timeout Value encodings (§7.5.3.16):
 * <pre>
 *   0000b default range 50 us - 50 ms      Range A: 0001b 50 us - 100 us,  0010b 1 ms - 10 ms
 *   Range B: 0101b 16 ms - 55 ms, 0110b 65 ms - 210 ms   Range C: 1001b 260 ms - 900 ms, 1010b 1 s - 3.5 s
 *   Range D: 1101b 4 s - 13 s,    1110b 17 s - 64 s       other values reserved
 * </pre>
 * The field is RW when any range is supported and hardwired to 0000b otherwise; Completion
 * Timeout Disable (bit 4) is RW only when Disable Supported is set.
 *
 * <p>Model choice: a function times out at the <em>upper</em> bound of the programmed range
 * (the spec only bounds it), except that the default range uses the device's own
 * {@link EndpointParams#completionTimeoutNs()} (50 ms by default, the same upper bound). A
 * reserved or unsupported encoding is treated as the default range. Per §7.5.3.16 hardware may
 * use the old or the new value for requests already pending when software changes it: here a
 * request keeps the deadline it was issued with.
 *
 * @param rangesSupported DevCap2 Completion Timeout Ranges Supported, bits 0-3 = ranges A-D
 * @param disableSupported DevCap2 Completion Timeout Disable Supported
 * @param initialValue DevCtl2 Completion Timeout Value after power-on (firmware may leave it set)
 * @param initiallyDisabled DevCtl2 Completion Timeout Disable after power-on
 */
public record CompletionTimeoutControl(int rangesSupported, boolean disableSupported, int initialValue,
        boolean initiallyDisabled) {

    /** Not programmable: the default range only, DevCtl2 reads 0 (what the model had before). */
    public static final CompletionTimeoutControl DEFAULT_RANGE_ONLY = new CompletionTimeoutControl(0, false, 0, false);

    /** All four ranges and Disable supported, DevCtl2 at its 0000b reset value. */
    public static final CompletionTimeoutControl ALL_RANGES = new CompletionTimeoutControl(0xf, true, 0, false);

    public static final int RANGE_A = 1;
    public static final int RANGE_B = 2;
    public static final int RANGE_C = 4;
    public static final int RANGE_D = 8;

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    public CompletionTimeoutControl {
        if ((rangesSupported & ~0xf) != 0) {
            throw new IllegalArgumentException("rangesSupported is 4 bits (ranges A-D)");
        }
        if ((initialValue & ~0xf) != 0) {
            throw new IllegalArgumentException("initialValue is the 4-bit Completion Timeout Value");
        }
        if (initialValue != 0 && rangeOf(initialValue) == 0) {
            throw new IllegalArgumentException("Completion Timeout Value 0x" + Integer.toHexString(initialValue)
                    + " is reserved (PCIe r5.0 §7.5.3.16)");
        }
        if (initialValue != 0 && (rangesSupported & rangeOf(initialValue)) == 0) {
            throw new IllegalArgumentException("Completion Timeout Value 0x" + Integer.toHexString(initialValue)
                    + " needs a range the function does not support (rangesSupported 0x"
                    + Integer.toHexString(rangesSupported) + ")");
        }
        if (initiallyDisabled && !disableSupported) {
            throw new IllegalArgumentException("Completion Timeout Disable set but not supported");
        }
    }

    /** The range bit (A=1, B=2, C=4, D=8) of a non-default encoding, or 0 for 0000b and reserved values. */
    public static int rangeOf(int value) {
        switch (value) {
            case 0b0001: case 0b0010: return RANGE_A;
            case 0b0101: case 0b0110: return RANGE_B;
            case 0b1001: case 0b1010: return RANGE_C;
            case 0b1101: case 0b1110: return RANGE_D;
            default: return 0;
        }
    }

    /** The upper bound in ns of a non-default encoding's range, or -1 for 0000b and reserved values. */
    public static long upperBoundNs(int value) {
        switch (value) {
            case 0b0001: return 100 * US;
            case 0b0010: return 10 * MS;
            case 0b0101: return 55 * MS;
            case 0b0110: return 210 * MS;
            case 0b1001: return 900 * MS;
            case 0b1010: return 3_500 * MS;
            case 0b1101: return 13_000 * MS;
            case 0b1110: return 64_000 * MS;
            default: return -1;
        }
    }

    /** DevCap2 bits this control contributes: Ranges Supported [3:0], Disable Supported [4]. */
    public int devcap2Bits() {
        return rangesSupported | (disableSupported ? 0x10 : 0);
    }

    /** DevCtl2 bits software may write: the value field if any range is supported, Disable if supported. */
    public int devctl2WritableMask() {
        return (rangesSupported != 0 ? 0xf : 0) | (disableSupported ? 0x10 : 0);
    }

    /** DevCtl2 power-on value. */
    public int devctl2InitialValue() {
        return initialValue | (initiallyDisabled ? 0x10 : 0);
    }

    /**
     * The timeout a request issued now gets, given the current DevCtl2 value; {@code Long.MAX_VALUE}
     * when Completion Timeout is disabled.
     */
    public long timeoutNs(int devctl2, long defaultRangeNs) {
        if (disableSupported && (devctl2 & 0x10) != 0) {
            return Long.MAX_VALUE;
        }
        int v = devctl2 & 0xf;
        if (rangesSupported == 0 || (rangesSupported & rangeOf(v)) == 0) {
            return defaultRangeNs;
        }
        return upperBoundNs(v);
    }
}
