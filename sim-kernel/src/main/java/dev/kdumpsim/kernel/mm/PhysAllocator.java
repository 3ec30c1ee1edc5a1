package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.core.AddressRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A top-down bump allocator over free physical ranges, for the model's kernel allocations
 * (buffers, SMMU tables and queues, page tables). memblock allocates top-down by default
 * ({@code memblock.bottom_up = false}) and the buddy allocator of a freshly booted kernel tends to
 * hand out high pages first; the model keeps that order and never frees (a crash is short).
 */
public final class PhysAllocator {

    private final List<AddressRange> ranges; // descending by base
    private int current;
    private long top;

    /** @param free ranges it may use (any order, must not overlap) */
    public PhysAllocator(List<AddressRange> free) {
        List<AddressRange> sorted = new ArrayList<>(free);
        sorted.sort(Comparator.comparingLong(AddressRange::base).reversed());
        this.ranges = sorted;
        this.current = 0;
        this.top = sorted.isEmpty() ? 0 : sorted.get(0).end();
    }

    /**
     * {@code size} bytes aligned to {@code align} (a power of two), from the highest free address.
     *
     * @throws IllegalStateException when the ranges are exhausted (the model's out-of-memory)
     */
    public long allocate(long size, long align) {
        if (size <= 0 || Long.bitCount(align) != 1) {
            throw new IllegalArgumentException("size must be > 0 and align a power of two");
        }
        while (current < ranges.size()) {
            AddressRange r = ranges.get(current);
            long base = (top - size) & -align;
            if (top - size >= r.base() && base >= r.base()) {
                top = base;
                return base;
            }
            current++;
            if (current < ranges.size()) {
                top = ranges.get(current).end();
            }
        }
        throw new IllegalStateException("out of memory allocating " + size + " bytes");
    }

    /** Lowest address handed out so far in the current range (the allocator's watermark). */
    public long watermark() {
        return top;
    }

    /** Free ranges of {@code within} once {@code holes} are cut out, for building allocators. */
    public static List<AddressRange> subtract(List<AddressRange> within, List<AddressRange> holes) {
        List<AddressRange> out = new ArrayList<>(within);
        for (AddressRange h : holes) {
            List<AddressRange> next = new ArrayList<>();
            for (AddressRange r : out) {
                if (!r.overlaps(h)) {
                    next.add(r);
                    continue;
                }
                if (r.base() < h.base()) {
                    next.add(AddressRange.ofBounds(r.base(), h.base()));
                }
                if (h.end() < r.end()) {
                    next.add(AddressRange.ofBounds(h.end(), r.end()));
                }
            }
            out = next;
        }
        return out;
    }
}
