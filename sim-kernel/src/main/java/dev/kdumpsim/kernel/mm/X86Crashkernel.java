package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.log.Printf;
import dev.kdumpsim.kernel.version.X86CrashkernelPlacement;
import java.util.Optional;

/**
 * x86_64 {@code reserve_crashkernel()}: arch/x86/kernel/setup.c up to v6.5 (with
 * {@code reserve_crashkernel_low()}), kernel/crash_core.c {@code reserve_crashkernel_generic()}
 * from v6.6. All searches are top-down {@code memblock_find_in_range} /
 * {@code memblock_phys_alloc_range} with {@code CRASH_ALIGN = SZ_16M}.
 *
 * <ul>
 * <li>{@code crashkernel=X} (no {@code @offset}): below {@code CRASH_ADDR_LOW_MAX} (896 MiB up to
 *     v5.1, 4 GiB from v5.2); from v5.2, if that fails, anywhere below {@code CRASH_ADDR_HIGH_MAX}
 *     (MAXMEM, 64 TiB with 4-level paging; from v6.6 the fall-back starts at 4 GiB).</li>
 * <li>{@code crashkernel=X,high}: below {@code CRASH_ADDR_HIGH_MAX} (v6.6: from 4 GiB up, falling
 *     back below 4 GiB). A region at or above 4 GiB also gets a low region below 4 GiB for swiotlb
 *     and 32-bit DMA: {@code crashkernel=Y,low}, else {@code max(swiotlb default 64 MiB + 8 MiB,
 *     256 MiB)} = 256 MiB ({@code DEFAULT_CRASH_KERNEL_LOW_SIZE} / {@code crash_low_size_default()}).
 *     Failing that, the main region is freed again.</li>
 * <li>{@code crashkernel=X@Y}: the exact range must be free.</li>
 * </ul>
 * The returned reservation is the main region (where the kdump kernel runs); the low region is
 * only reserved in memblock (the kdump kernel's use of it for swiotlb is not modelled).
 */
public final class X86Crashkernel {

    public static final long CRASH_ALIGN = 16L << 20;
    public static final long SZ_4G = 1L << 32;
    /** v4.x {@code CRASH_ADDR_LOW_MAX} on x86_64: "old kexec-tools need to under 896MiB". */
    public static final long LOW_MAX_896M = 896L << 20;
    /** {@code CRASH_ADDR_HIGH_MAX}: MAXMEM with 4-level paging (64 TiB). */
    public static final long HIGH_MAX = 1L << 46;
    /** {@code crash_low_size_default()}: max(swiotlb_size_or_default() + 8 MiB, 256 MiB), swiotlb 64 MiB. */
    public static final long DEFAULT_LOW_SIZE = Math.max((64L << 20) + (8L << 20), 256L << 20);

    private X86Crashkernel() {
    }

    /** Parses {@code cmdline}'s crashkernel= options (throws on bad syntax) and reserves; null log = silent. */
    public static CrashkernelReservation reserve(Memblock memblock, String cmdline, X86CrashkernelPlacement rule,
            KernelLog log) {
        long total = memblock.physMemSize();
        boolean high = false;
        Optional<CrashkernelSpec> spec = CrashkernelParser.fromCommandLine(cmdline, total, CrashkernelSpec.Kind.PLAIN);
        if (spec.isEmpty() || spec.get().size() <= 0) {
            spec = CrashkernelParser.fromCommandLine(cmdline, total, CrashkernelSpec.Kind.HIGH);
            if (spec.isEmpty() || spec.get().size() <= 0) {
                return CrashkernelReservation.none(spec.isEmpty() ? "no crashkernel= option"
                        : "crashkernel size resulted in zero bytes");
            }
            high = true;
        }
        long size = spec.get().size();
        long base = spec.get().base();
        boolean generic = rule == X86CrashkernelPlacement.V6_6_GENERIC;
        long lowMax = rule == X86CrashkernelPlacement.V4_0_BELOW_896M ? LOW_MAX_896M : SZ_4G;
        if (base == 0) {
            if (generic) {
                base = memblock.findInRange(high ? lowMax : CRASH_ALIGN, high ? HIGH_MAX : lowMax, size, CRASH_ALIGN);
                if (base == 0) {
                    // crashkernel=X falls back high, crashkernel=X,high falls back low
                    base = memblock.findInRange(high ? 0 : lowMax, high ? lowMax : HIGH_MAX, size, CRASH_ALIGN);
                }
                if (base == 0) {
                    return fail(log, LogLevel.WARNING, "cannot allocate crashkernel (size:0x%llx)\n", size);
                }
            } else {
                if (!high) {
                    base = memblock.findInRange(CRASH_ALIGN, lowMax, size, CRASH_ALIGN);
                }
                if (base == 0 && (high || rule == X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK)) {
                    base = memblock.findInRange(CRASH_ALIGN, HIGH_MAX, size, CRASH_ALIGN);
                }
                if (base == 0) {
                    return fail(log, LogLevel.INFO, "crashkernel reservation failed - No suitable area found.\n");
                }
            }
        } else if (memblock.findInRange(base, base + size, size, 1L << 20) != base) {
            return fail(log, generic ? LogLevel.WARNING : LogLevel.INFO,
                    "crashkernel reservation failed - memory is in use.\n");
        }
        AddressRange range = new AddressRange(base, size);
        memblock.reserve("crashkernel", range);
        if (base >= SZ_4G && !reserveLow(memblock, cmdline, generic, log)) {
            memblock.free(range);
            return CrashkernelReservation.none("no room below 4 GiB for the crashkernel low region");
        }
        if (log != null) {
            if (generic) {
                log.printkAt(0, LogLevel.INFO, "", "crashkernel reserved: 0x%016llx - 0x%016llx (%lld MB)\n",
                        base, base + size, size >> 20);
            } else {
                log.printkAt(0, LogLevel.INFO, "", "Reserving %ldMB of memory at %ldMB for crashkernel (System RAM: %ldMB)\n",
                        size >> 20, base >> 20, total >> 20);
            }
        }
        return new CrashkernelReservation(range, "");
    }

    /** {@code reserve_crashkernel_low()}: {@code crashkernel=Y,low} or the default, below 4 GiB. */
    private static boolean reserveLow(Memblock memblock, String cmdline, boolean generic, KernelLog log) {
        long lowRam = memBelow4G(memblock.dram());
        Optional<CrashkernelSpec> low = CrashkernelParser.fromCommandLine(cmdline, lowRam, CrashkernelSpec.Kind.LOW);
        long size = low.isPresent() ? low.get().size() : DEFAULT_LOW_SIZE;
        if (size == 0) {
            return true; // crashkernel=0,low
        }
        long base = memblock.findInRange(0, SZ_4G, size, CRASH_ALIGN);
        if (base == 0) {
            if (log != null) {
                log.printkAt(0, LogLevel.ERR, "", "Cannot reserve %ldMB crashkernel low memory, please try smaller size.\n",
                        size >> 20);
            }
            return false;
        }
        memblock.reserve("crashkernel low", new AddressRange(base, size));
        if (log != null) {
            if (generic) {
                log.printkAt(0, LogLevel.INFO, "", "crashkernel low memory reserved: 0x%08llx - 0x%08llx (%lld MB)\n",
                        base, base + size, size >> 20);
            } else {
                log.printkAt(0, LogLevel.INFO, "",
                        "Reserving %ldMB of low memory at %ldMB for crashkernel (System low RAM: %ldMB)\n",
                        size >> 20, base >> 20, lowRam >> 20);
            }
        }
        return true;
    }

    /** {@code memblock_mem_size(1UL << (32 - PAGE_SHIFT))}: RAM below 4 GiB. */
    static long memBelow4G(DramLayout dram) {
        long t = 0;
        for (AddressRange b : dram.banks()) {
            t += Math.max(0, Math.min(b.end(), SZ_4G) - b.base());
        }
        return t;
    }

    private static CrashkernelReservation fail(KernelLog log, LogLevel level, String format, Object... args) {
        if (log != null) {
            log.printkAt(0, level, "", format, args);
        }
        String text = Printf.format(format, args);
        return CrashkernelReservation.none(text.substring(0, text.length() - 1));
    }
}
