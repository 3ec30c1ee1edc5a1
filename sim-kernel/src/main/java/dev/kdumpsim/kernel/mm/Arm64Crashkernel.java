package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.log.Printf;

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
 * {@code ,high}/{@code ,low} options are ignored (supported from v5.19 on arm64).
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

    /** Parses {@code cmdline} (throws on bad syntax) then reserves as v4.19 does; null log = no printing. */
    public static CrashkernelReservation reserve(Memblock memblock, String cmdline, boolean zoneDma32, KernelLog log) {
        return reserve(memblock, cmdline, zoneDma32, false, log);
    }

    /**
     * Parses {@code cmdline} then reserves; {@code exclusiveLimit} is v5.19's placement (944a45abfabc
     * "arm64: kdump: Reimplement crashkernel=X": {@code memblock_phys_alloc_range(crash_size,
     * CRASH_ALIGN, crash_base, CRASH_ADDR_LOW_MAX)} with {@code CRASH_ADDR_LOW_MAX =
     * arm64_dma_phys_limit}, exclusive), v4.19's inclusive {@code ARCH_LOW_ADDRESS_LIMIT} otherwise.
     */
    public static CrashkernelReservation reserve(Memblock memblock, String cmdline, boolean zoneDma32,
            boolean exclusiveLimit, KernelLog log) {
        var plain = CrashkernelParser.fromCommandLine(cmdline, memblock.physMemSize(), CrashkernelSpec.Kind.PLAIN);
        if (plain.isEmpty()) {
            boolean suffixed = cmdline.matches("(^|.*\\s)crashkernel=\\S*,(high|low)(\\s.*|$)");
            return CrashkernelReservation.none(suffixed
                    ? "arm64 v4.19 reserve_crashkernel() calls only parse_crashkernel(): ,high/,low are ignored"
                    : "no crashkernel= option");
        }
        return reserve(memblock, plain.get(), zoneDma32, exclusiveLimit, log);
    }

    /** {@code reserve_crashkernel()} of v4.19 for an already parsed option. */
    public static CrashkernelReservation reserve(Memblock memblock, CrashkernelSpec spec, boolean zoneDma32, KernelLog log) {
        return reserve(memblock, spec, zoneDma32, false, log);
    }

    /** {@code reserve_crashkernel()} for an already parsed option. */
    public static CrashkernelReservation reserve(Memblock memblock, CrashkernelSpec spec, boolean zoneDma32,
            boolean exclusiveLimit, KernelLog log) {
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
            long end = dmaPhysLimit(memblock.dram(), zoneDma32) - (exclusiveLimit ? 0 : 1);
            base = memblock.findInRange(0, end, size, CRASH_ALIGN);
            if (base == 0) {
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

    private static CrashkernelReservation warn(KernelLog log, String format, Object... args) {
        if (log != null) {
            log.printkAt(0, LogLevel.WARNING, "", format, args);
        }
        String text = Printf.format(format, args);
        return CrashkernelReservation.none(text.substring(0, text.length() - 1));
    }
}
