package dev.kdumpsim.pcie.config;

/**
 * One function's 4 KiB PCIe configuration space as registers with per-bit attributes
 * (PCIe r4.0 §7.4 "Configuration Register Types"): RO, RW, RW1C, and the sticky variants
 * (ROS/RWS/RW1CS) that keep their value across FLR and Conventional Reset (hot reset), as the
 * AER status, mask, severity and header-log registers do (§7.8.4).
 *
 * <p>Software accesses ({@link #read}, {@link #write}) honour the attributes; the owning device
 * model changes hardware-owned bits with the {@code hw*} methods. A reset restores every
 * non-sticky bit to its power-on value and leaves sticky bits alone ({@link #resetNonSticky}).
 * Little-endian, like the bus.
 */
public final class ConfigSpace {

    /** Size of PCIe extended configuration space. */
    public static final int SIZE = 4096;

    private final byte[] data = new byte[SIZE];
    private final byte[] resetValue = new byte[SIZE];
    private final byte[] writable = new byte[SIZE];
    private final byte[] writeOneToClear = new byte[SIZE];
    private final byte[] sticky = new byte[SIZE];

    /**
     * Declares a register.
     *
     * @param offset byte offset
     * @param size 1, 2 or 4 bytes
     * @param value power-on value
     * @param rwMask bits software may write
     * @param rw1cMask bits software clears by writing 1
     * @param stickyMask bits that survive FLR and hot reset
     */
    public void define(int offset, int size, int value, int rwMask, int rw1cMask, int stickyMask) {
        put(resetValue, offset, size, value);
        put(data, offset, size, value);
        put(writable, offset, size, rwMask);
        put(writeOneToClear, offset, size, rw1cMask);
        put(sticky, offset, size, stickyMask);
    }

    /** Software read of 1, 2 or 4 bytes. */
    public int read(int offset, int size) {
        check(offset, size);
        return get(data, offset, size);
    }

    /** Software write of 1, 2 or 4 bytes: RW bits take the value, RW1C bits clear where 1 is written. */
    public void write(int offset, int size, int value) {
        check(offset, size);
        for (int i = 0; i < size; i++) {
            int v = (value >>> (8 * i)) & 0xff;
            int o = offset + i;
            int rw = writable[o] & 0xff;
            int w1c = writeOneToClear[o] & 0xff;
            int cur = data[o] & 0xff;
            cur = (cur & ~rw) | (v & rw);
            cur &= ~(v & w1c);
            data[o] = (byte) cur;
        }
    }

    /** Hardware sets bits (ignores attributes). */
    public void hwSet(int offset, int size, int bits) {
        put(data, offset, size, get(data, offset, size) | bits);
    }

    /** Hardware clears bits (ignores attributes). */
    public void hwClear(int offset, int size, int bits) {
        put(data, offset, size, get(data, offset, size) & ~bits);
    }

    /** Hardware stores a value (ignores attributes). */
    public void hwPut(int offset, int size, int value) {
        put(data, offset, size, value);
    }

    /** FLR / Conventional Reset: non-sticky bits return to power-on values, sticky bits keep theirs. */
    public void resetNonSticky() {
        for (int i = 0; i < SIZE; i++) {
            int s = sticky[i] & 0xff;
            data[i] = (byte) (((data[i] & 0xff) & s) | ((resetValue[i] & 0xff) & ~s));
        }
    }

    private static void check(int offset, int size) {
        if ((size != 1 && size != 2 && size != 4) || offset < 0 || offset + size > SIZE || (offset & (size - 1)) != 0) {
            throw new IllegalArgumentException("bad config access: offset 0x" + Integer.toHexString(offset)
                    + " size " + size + " (naturally aligned 1, 2 or 4 bytes below 0x1000)");
        }
    }

    private static int get(byte[] a, int offset, int size) {
        int v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (a[offset + i] & 0xff);
        }
        return v;
    }

    private static void put(byte[] a, int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            a[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
