package dev.kdumpsim.core;

/**
 * A half-open range of physical or I/O virtual addresses, {@code [base, base + size)}.
 *
 * <p>Addresses are kept below 2^63 so that plain signed arithmetic is exact; every address a
 * modelled platform uses (at most 52-bit PA, 64-bit IOVA spaces limited by IAS) fits.
 */
public record AddressRange(long base, long size) implements Comparable<AddressRange> {

    public AddressRange {
        if (base < 0) {
            throw new IllegalArgumentException("base must be below 2^63: " + Long.toUnsignedString(base, 16));
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        if (base + size < 0) {
            throw new IllegalArgumentException("range wraps past 2^63");
        }
    }

    /** Builds a range from inclusive {@code first} and exclusive {@code end}. */
    public static AddressRange ofBounds(long first, long end) {
        return new AddressRange(first, end - first);
    }

    /** Exclusive end address. */
    public long end() {
        return base + size;
    }

    /** Inclusive last address. */
    public long last() {
        return base + size - 1;
    }

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }

    /** Whether {@code [address, address + length)} lies entirely inside. */
    public boolean contains(long address, long length) {
        return address >= base && length >= 0 && address - base <= size - length;
    }

    public boolean contains(AddressRange other) {
        return contains(other.base, other.size);
    }

    public boolean overlaps(AddressRange other) {
        return base < other.end() && other.base < end();
    }

    /** Whether {@code [address, address + length)} shares any byte with this range. */
    public boolean overlaps(long address, long length) {
        return length > 0 && address < end() && base < address + length;
    }

    @Override
    public int compareTo(AddressRange o) {
        int c = Long.compare(base, o.base);
        return c != 0 ? c : Long.compare(o.size, size);
    }

    @Override
    public String toString() {
        return String.format("[0x%016x-0x%016x]", base, last());
    }
}
