package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Where kernel #1 reserved the crashkernel: arm64 {@code crashkernel reserved: 0x%016llx -
 * 0x%016llx (%lld MB)} (Linux v4.16 arch/arm64/mm/init.c, reserve_crashkernel) and x86
 * {@code Reserving %ldMB of memory at %ldMB for crashkernel (System RAM: %ldMB)} (Linux v4.16
 * arch/x86/kernel/setup.c, reserve_crashkernel).
 */
public final class CrashkernelRule implements Rule {

    private static final Pattern ARM64 = Pattern.compile("crashkernel reserved: 0x([0-9a-fA-F]{1,16}) - 0x([0-9a-fA-F]{1,16}) \\((\\d{1,9}) MB\\)");
    private static final Pattern X86 = Pattern.compile("Reserving (\\d{1,9})MB of memory at (\\d{1,9})MB for crashkernel \\(System RAM: (\\d{1,9})MB\\)");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.contains("crashkernel")) {
            return;
        }
        Matcher a = ARM64.matcher(msg);
        Matcher x = X86.matcher(msg);
        if (a.find()) {
            long base = Pci.hex(a.group(1));
            long end = Pci.hex(a.group(2));
            set(facts, line, base, end - base);
        } else if (x.find()) {
            set(facts, line, Long.parseLong(x.group(2)) << 20, Long.parseLong(x.group(1)) << 20);
            long ram = Long.parseLong(x.group(3));
            if (ram > 0 && ram << 20 <= MAX_END) {
                facts.systemRamMiB = ram;
            }
        }
    }

    /** Largest machine the import writes (the model's memory is sparse, but a wrong number must not become a terabyte scenario). */
    static final long MAX_END = 1L << 40;

    private static void set(Facts facts, LogLine line, long base, long size) {
        if (facts.crashkernelBase == null && size >= (1L << 20) && base >= 0 && base + size > base && base + size <= MAX_END) {
            facts.crashkernelBase = base;
            facts.crashkernelSize = size;
            facts.crashkernelWhere = line.where();
            facts.distinctive(line, "crashkernel");
        }
    }
}
