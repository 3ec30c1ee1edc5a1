package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.AddressRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The early-boot physical memory map of mm/memblock.c: {@code memblock.memory} (the DRAM banks)
 * and {@code memblock.reserved} (named here, for reports: kernel image, firmware/UEFI regions,
 * the crashkernel, ...).
 *
 * <p>{@link #findInRange} is {@code memblock_find_in_range} in the default top-down mode:
 * {@code start = max(start, PAGE_SIZE)}, then for each free range from the top
 * ({@code for_each_free_mem_range_reverse}) clamp it to {@code [start, end]}, and return
 * {@code round_down(this_end - size, align)} if it is still at or above {@code this_start}
 * ({@code __memblock_find_range_top_down}, v4.19). {@code end} is used as an exclusive bound.
 * Not modelled: bottom-up mode, NUMA nodes, mirrored memory, region merging (overlapping
 * reservations are kept as separate named entries).
 */
@KernelApi
public final class Memblock {

    /** arm64 {@code PAGE_SIZE} with 4K pages. */
    public static final long PAGE_SIZE = 4096;

    /** A named {@code memblock_reserve}d range. */
    public record Reservation(String name, AddressRange range) {
    }

    private final DramLayout dram;
    private final List<Reservation> reserved = new ArrayList<>();

    public Memblock(DramLayout dram) {
        this.dram = dram;
    }

    public DramLayout dram() {
        return dram;
    }

    /** {@code memblock_reserve(base, size)} under a name. */
    public void reserve(String name, AddressRange range) {
        reserved.add(new Reservation(name, range));
        reserved.sort((a, b) -> a.range().compareTo(b.range()));
    }

    /** {@code memblock_free}: drops the reservation with this exact range. */
    public boolean free(AddressRange range) {
        return reserved.removeIf(r -> r.range().equals(range));
    }

    /** Reservations sorted by address. */
    public List<Reservation> reservations() {
        return Collections.unmodifiableList(reserved);
    }

    /** {@code memblock_is_region_reserved}: any byte of the range is reserved. */
    public boolean isRegionReserved(long base, long size) {
        for (Reservation r : reserved) {
            if (r.range().overlaps(base, size)) {
                return true;
            }
        }
        return false;
    }

    /** {@code memblock_is_region_memory}. */
    public boolean isRegionMemory(long base, long size) {
        return dram.isMemory(base, size);
    }

    /** {@code memblock_phys_mem_size()}. */
    public long physMemSize() {
        return dram.totalSize();
    }

    /** Free ranges (memory minus reserved), highest first: {@code for_each_free_mem_range_reverse}. */
    public List<AddressRange> freeRangesReverse() {
        List<AddressRange> union = new ArrayList<>(); // memblock.reserved after merging
        for (Reservation r : reserved) {
            AddressRange last = union.isEmpty() ? null : union.get(union.size() - 1);
            if (last != null && r.range().base() <= last.end()) {
                union.set(union.size() - 1, AddressRange.ofBounds(last.base(), Math.max(last.end(), r.range().end())));
            } else {
                union.add(r.range());
            }
        }
        List<AddressRange> out = new ArrayList<>();
        List<AddressRange> banks = dram.banks();
        for (int b = banks.size() - 1; b >= 0; b--) {
            AddressRange bank = banks.get(b);
            long top = bank.end();
            for (int i = union.size() - 1; i >= 0 && top > bank.base(); i--) {
                AddressRange r = union.get(i);
                if (r.base() >= top || r.end() <= bank.base()) {
                    continue;
                }
                if (r.end() < top) {
                    out.add(AddressRange.ofBounds(r.end(), top));
                }
                top = Math.max(r.base(), bank.base());
            }
            if (top > bank.base()) {
                out.add(AddressRange.ofBounds(bank.base(), top));
            }
        }
        return out;
    }

    /**
     * {@code memblock_find_in_range(start, end, size, align)}, top-down.
     *
     * @return the base found, or 0 on failure (as the kernel)
     */
    public long findInRange(long start, long end, long size, long align) {
        start = Math.max(start, PAGE_SIZE);
        end = Math.max(start, end);
        for (AddressRange free : freeRangesReverse()) {
            long thisStart = clamp(free.base(), start, end);
            long thisEnd = clamp(free.end(), start, end);
            if (thisEnd < size) {
                continue;
            }
            long cand = (thisEnd - size) & -align; // round_down
            if (cand >= thisStart) {
                return cand;
            }
        }
        return 0;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(v, hi));
    }
}
