package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.AddressRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's DRAM banks as firmware reports them (device tree {@code memory} nodes or the
 * UEFI memory map), which arm64 {@code arm64_memblock_init} adds to {@code memblock.memory}.
 * Banks are sorted and must not overlap.
 */
@KernelApi
public record DramLayout(List<AddressRange> banks) {

    public DramLayout {
        if (banks.isEmpty()) {
            throw new IllegalArgumentException("DRAM layout needs at least one bank");
        }
        List<AddressRange> sorted = new ArrayList<>(banks);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).overlaps(sorted.get(i - 1))) {
                throw new IllegalArgumentException("DRAM banks overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        banks = List.copyOf(sorted);
    }

    /** A single bank. */
    public static DramLayout of(long base, long size) {
        return new DramLayout(List.of(new AddressRange(base, size)));
    }

    /**
     * A PC's usable RAM as its e820 map reports it: {@code [0, pciHoleBase)} below the 32-bit PCI
     * hole (MMIO, the IOAPIC/LAPIC and firmware up to 4 GiB) and the rest of {@code totalBytes}
     * from 4 GiB up (the memory controller remaps it there).
     */
    public static DramLayout x86(long totalBytes, long pciHoleBase) {
        long four = 1L << 32;
        if (pciHoleBase <= 0 || pciHoleBase > four) {
            throw new IllegalArgumentException("the PCI hole must start below 4 GiB");
        }
        if (totalBytes <= pciHoleBase) {
            return of(0, totalBytes);
        }
        return new DramLayout(List.of(new AddressRange(0, pciHoleBase), new AddressRange(four, totalBytes - pciHoleBase)));
    }

    /** {@code memblock_start_of_DRAM()}. */
    public long start() {
        return banks.get(0).base();
    }

    /** {@code memblock_end_of_DRAM()} (exclusive). */
    public long end() {
        return banks.get(banks.size() - 1).end();
    }

    /** {@code memblock_phys_mem_size()}: total bytes of DRAM. */
    public long totalSize() {
        long t = 0;
        for (AddressRange b : banks) {
            t += b.size();
        }
        return t;
    }

    /** {@code memblock_is_region_memory}: the whole range lies inside one bank. */
    public boolean isMemory(long base, long size) {
        for (AddressRange b : banks) {
            if (b.contains(base, size)) {
                return true;
            }
        }
        return false;
    }
}
