package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.log.Printf;
import dev.kdumpsim.kernel.version.CrashkernelPlacement;
import java.util.Optional;

/**
 * arm64 {@code reserve_crashkernel()} of arch/arm64/mm/init.c, v4.19.
 *
 * <p>Without {@code @offset}: {@code memblock_find_in_range(0, ARCH_LOW_ADDRESS_LIMIT, size,
 * SZ_2M)}, top-down ("Current arm64 boot protocol requires 2MB alignment"), where
 * {@code ARCH_LOW_ADDRESS_LIMIT = arm64_dma_phys_limit - 1} (arch/arm64/include/asm/processor.h)
 * and, with CONFIG_ZONE_DMA32, {@code arm64_dma_phys_limit = max_zone_dma_phys() =
 * min((start of DRAM & GENMASK(63, 32)) + 4 GiB, end of DRAM)}.
 *
 * <p>Why the 2018 report shows {@code 0x7fe00000 - 0xffe00000} and not {@code 0x80000000 -
 * 0x100000000}: the inclusive limit {@code 0xffffffff} is passed where memblock expects an
 * exclusive end, so the top free range is clamped to end at {@code 0xffffffff} and
 * {@code round_down(0xffffffff - 2G, 2M) = 0x7fe00000}. The top 2 MiB below 4 GiB stay outside
 * the reservation even when nothing there is reserved; firmware reservations ({@link Memblock}
 * entries) push it further down.
 *
 * <p>With {@code @offset}: the range must be memory, not reserved, and 2 MiB aligned, checked
 * in that order with the kernel's warnings. v4.19 arm64 calls only {@code parse_crashkernel}, so
 * {@code ,high}/{@code ,low} options are ignored (supported from v5.19 on arm64:
 * {@link #reserveHighLow}, per {@link CrashkernelPlacement}).
 */
public final class Arm64Crashkernel {

    /** {@code SZ_2M}: the alignment arm64's boot protocol needs for the kdump kernel. */
    public static final long CRASH_ALIGN = 2L << 20;
    /** 48-bit {@code PHYS_MASK + 1}, the DMA limit without CONFIG_ZONE_DMA32. */
    public static final long PHYS_LIMIT_48BIT = 1L << 48;

    private Arm64Crashkernel() {
    }

    /** {@code arm64_dma_phys_limit} (exclusive). */
    public static long dmaPhysLimit(DramLayout dram, boolean zoneDma32) {
        if (!zoneDma32) {
            return PHYS_LIMIT_48BIT;
        }
        long offset = dram.start() & 0xFFFF_FFFF_0000_0000L;
        return Math.min(offset + (1L << 32), dram.end());
    }

    /**
     * {@code crashkernel=X[@Y]} before 5.19: the plain option only (,high/,low are ignored), below
     * the DMA limit (4.19's inclusive {@code ARCH_LOW_ADDRESS_LIMIT}; 5.5's exclusive
     * {@code arm64_dma_phys_limit}), or at its fixed base (5.15: {@code memblock_phys_alloc_range},
     * which fails a fixed base like any search).
     */
    private static CrashkernelReservation reservePlain(Memblock memblock, String cmdline, CrashkernelPlacement p,
            KernelLog log) {
        var plain = CrashkernelParser.fromCommandLine(cmdline, memblock.physMemSize(), CrashkernelSpec.Kind.PLAIN);
        if (plain.isEmpty()) {
            boolean suffixed = cmdline.matches("(^|.*\\s)crashkernel=\\S*,(high|low)(\\s.*|$)");
            return CrashkernelReservation.none(suffixed
                    ? "arm64 v4.19 reserve_crashkernel() calls only parse_crashkernel(): ,high/,low are ignored"
                    : "no crashkernel= option");
        }
        return reservePlain(memblock, plain.get(), p, log);
    }

    private static CrashkernelReservation reservePlain(Memblock memblock, CrashkernelSpec spec, CrashkernelPlacement p,
            KernelLog log) {
        boolean exclusiveLimit = p.exclusiveLimit();
        boolean physAllocRange = p == CrashkernelPlacement.V5_15_PHYS_ALLOC_RANGE;
        if (spec.kind() != CrashkernelSpec.Kind.PLAIN) {
            return CrashkernelReservation.none("arm64 v4.19 reserve_crashkernel() ignores crashkernel=" + spec.text());
        }
        if (spec.size() == 0) {
            return CrashkernelReservation.none("crashkernel size resulted in zero bytes");
        }
        long size = (spec.size() + Memblock.PAGE_SIZE - 1) & -Memblock.PAGE_SIZE; // PAGE_ALIGN
        long base = spec.base();
        if (base == 0) {
            // v4.19 passes the inclusive ARCH_LOW_ADDRESS_LIMIT as the search's exclusive end
            long end = dmaPhysLimit(memblock.dram(), true) - (exclusiveLimit ? 0 : 1);
            base = memblock.findInRange(0, end, size, CRASH_ALIGN);
            if (base == 0) {
                return warn(log, "cannot allocate crashkernel (size:0x%llx)\n", size);
            }
        } else if (physAllocRange) {
            // 5.15: memblock_phys_alloc_range(size, SZ_2M, base, base + size): memory, free and aligned, or nothing
            if (!memblock.isRegionMemory(base, size) || memblock.isRegionReserved(base, size)
                    || (base & (CRASH_ALIGN - 1)) != 0) {
                return warn(log, "cannot allocate crashkernel (size:0x%llx)\n", size);
            }
        } else {
            if (!memblock.isRegionMemory(base, size)) {
                return warn(log, "cannot reserve crashkernel: region is not memory\n");
            }
            if (memblock.isRegionReserved(base, size)) {
                return warn(log, "cannot reserve crashkernel: region overlaps reserved memory\n");
            }
            if ((base & (CRASH_ALIGN - 1)) != 0) {
                return warn(log, "cannot reserve crashkernel: base address is not 2MB aligned\n");
            }
        }
        AddressRange range = new AddressRange(base, size);
        memblock.reserve("crashkernel", range);
        if (log != null) {
            // the end printed is crash_base + crash_size: exclusive
            log.printkAt(0, LogLevel.INFO, "", "crashkernel reserved: 0x%016llx - 0x%016llx (%lld MB)\n",
                    base, base + size, size >> 20);
        }
        return new CrashkernelReservation(range, "");
    }

    /** 128 MiB: arm64's {@code DEFAULT_CRASH_KERNEL_LOW_SIZE} (6.2 on; the generic header's from 6.7). */
    public static final long DEFAULT_LOW_SIZE = 128L << 20;
    /** {@code CRASH_HIGH_SEARCH_BASE} of 6.5-6.6: {@code SZ_4G}. */
    static final long HIGH_SEARCH_BASE_6_5 = 1L << 32;

    /** {@code reserve_crashkernel()} as the release's {@code placement} does it (every arm64 kernel has ZONE_DMA32 here). */
    public static CrashkernelReservation reserve(Memblock memblock, String cmdline, CrashkernelPlacement placement,
            KernelLog log) {
        if (!placement.highLow()) {
            return reservePlain(memblock, cmdline, placement, log);
        }
        return reserveHighLow(memblock, cmdline, placement, log);
    }

    /**
     * 5.19 and later: {@code crashkernel=X[@Y]} first; else {@code crashkernel=X,high} with
     * {@code crashkernel=Y,low}; the retries and the low region of the release (see
     * {@link CrashkernelPlacement}). A high-to-low retry is skipped when the DMA limit is the top of
     * memory (6.12's fix of the loop that 6.5-6.11 would spin in; the model does not hang boot).
     */
    static CrashkernelReservation reserveHighLow(Memblock memblock, String cmdline, CrashkernelPlacement p, KernelLog log) {
        long total = memblock.physMemSize();
        long lowMax = dmaPhysLimit(memblock.dram(), true);
        long highMax = PHYS_LIMIT_48BIT;
        boolean v62 = p.ordinal() >= CrashkernelPlacement.V6_2_FALLBACK.ordinal();
        boolean v65 = p.ordinal() >= CrashkernelPlacement.V6_5_HIGH_FROM_4G.ordinal();
        Optional<CrashkernelSpec> plain = CrashkernelParser.fromCommandLine(cmdline, total, CrashkernelSpec.Kind.PLAIN);
        CrashkernelSpec spec;
        long lowSize = 0;
        long searchBase = 0;
        long max = lowMax;
        boolean high = false;
        if (plain.isPresent()) {
            spec = plain.get();
        } else {
            Optional<CrashkernelSpec> hi = CrashkernelParser.fromCommandLine(cmdline, 0, CrashkernelSpec.Kind.HIGH);
            if (hi.isEmpty() || hi.get().size() == 0) {
                return CrashkernelReservation.none("no crashkernel= option");
            }
            spec = hi.get();
            Optional<CrashkernelSpec> lo = CrashkernelParser.fromCommandLine(cmdline, 0, CrashkernelSpec.Kind.LOW);
            lowSize = lo.map(CrashkernelSpec::size).orElse(v62 ? DEFAULT_LOW_SIZE : 0L);
            searchBase = p == CrashkernelPlacement.V6_5_HIGH_FROM_4G ? HIGH_SEARCH_BASE_6_5
                    : p == CrashkernelPlacement.V6_7_GENERIC ? lowMax : 0;
            max = highMax;
            high = true;
        }
        if (spec.size() == 0) {
            return CrashkernelReservation.none("crashkernel size resulted in zero bytes");
        }
        long size = (spec.size() + Memblock.PAGE_SIZE - 1) & -Memblock.PAGE_SIZE;
        boolean fixed = spec.base() != 0;
        if (fixed) {
            searchBase = spec.base();
            max = spec.base() + size;
        }
        long base;
        while (true) {
            base = memblock.findInRange(searchBase, max, size, CRASH_ALIGN);
            if (fixed && base != spec.base()) {
                base = 0; // memblock_phys_alloc_range in [Y, Y+X) can only return Y
            }
            if (base != 0) {
                break;
            }
            if (fixed) {
                return v65 ? warn(log, "crashkernel reservation failed - memory is in use.\n")
                        : warn(log, "cannot allocate crashkernel (size:0x%llx)\n", size);
            }
            if (!high && max == lowMax && v62 && lowMax != highMax) {
                max = highMax; // crashkernel=X: the DMA zone is full, go high with a low region
                searchBase = v65 ? lowMax : 0;
                lowSize = DEFAULT_LOW_SIZE;
                continue;
            }
            if (high && max == highMax && v65 && lowMax != highMax) {
                max = lowMax; // crashkernel=X,high: high memory is full, go low (no low region needed)
                searchBase = 0;
                continue;
            }
            return warn(log, "cannot allocate crashkernel (size:0x%llx)\n", size);
        }
        AddressRange main = new AddressRange(base, size);
        memblock.reserve("crashkernel", main);
        boolean needLow = p == CrashkernelPlacement.V6_2_FALLBACK ? base > lowMax - lowSize : base >= lowMax;
        if (needLow && lowSize != 0) {
            long lowBase = memblock.findInRange(0, lowMax, lowSize, CRASH_ALIGN);
            if (lowBase == 0) {
                memblock.free(main); // the high block is given back: nothing is reserved
                if (log != null) {
                    log.printkAt(0, LogLevel.ERR, "", "cannot allocate crashkernel low memory (size:0x%llx).\n", lowSize);
                }
                return CrashkernelReservation.none(Printf.format("cannot allocate crashkernel low memory (size:0x%llx).",
                        lowSize));
            }
            memblock.reserve("crashkernel low", new AddressRange(lowBase, lowSize));
            if (log != null) {
                log.printkAt(0, LogLevel.INFO, "", "crashkernel low memory reserved: 0x%08llx - 0x%08llx (%lld MB)\n",
                        lowBase, lowBase + lowSize, lowSize >> 20);
            }
        }
        if (log != null) {
            log.printkAt(0, LogLevel.INFO, "", "crashkernel reserved: 0x%016llx - 0x%016llx (%lld MB)\n", base, base + size,
                    size >> 20);
        }
        return new CrashkernelReservation(main, "");
    }

    private static CrashkernelReservation warn(KernelLog log, String format, Object... args) {
        if (log != null) {
            log.printkAt(0, LogLevel.WARNING, "", format, args);
        }
        String text = Printf.format(format, args);
        return CrashkernelReservation.none(text.substring(0, text.length() - 1));
    }
}
