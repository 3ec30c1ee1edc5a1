package dev.kdumpsim.scenarios.importer;

import java.util.List;
import java.util.function.Consumer;

/**
 * The imported scenario's {@code platform.dram}: the banks kernel #1's memory map printed
 * ({@link DramRule}), or, without one, an assumed bank of System RAM that holds the crashkernel,
 * named in the scenario's assumptions.
 */
final class DramSection {

    private static final long GIB = 1L << 30;

    private DramSection() {
    }

    static void write(Facts facts, boolean x86, long crashkernelEnd, Consumer<String> line, Assumptions assumed) {
        if (!printed(facts, crashkernelEnd, line)) {
            assumed(facts, x86, crashkernelEnd, line, assumed);
        }
    }

    /**
     * The banks kernel #1's memory map printed, when they can hold the model's kernel #1 (a first
     * bank over 64 MiB) and the printed crashkernel; false (nothing written) otherwise.
     */
    private static boolean printed(Facts facts, long crashkernelEnd, Consumer<String> line) {
        List<long[]> banks = facts.dramBanks();
        if (banks.isEmpty() || banks.get(0)[1] - banks.get(0)[0] <= 64L << 20) {
            return false;
        }
        if (facts.crashkernelBase != null && banks.stream().noneMatch(
                b -> b[0] <= facts.crashkernelBase && crashkernelEnd <= b[1])) {
            return false;
        }
        for (long[] b : banks) {
            long size = b[1] - b[0];
            line.accept(String.format(java.util.Locale.ROOT, "    - {base: \"0x%x\", size: %s}  # %s", b[0],
                    size % GIB == 0 ? size / GIB + "GiB" : (size >> 20) + "MiB", facts.dramWhere));
        }
        return true;
    }

    /** No usable memory map in the log: one bank of System RAM (x86: below and above the 3-4 GiB hole). */
    private static void assumed(Facts facts, boolean x86, long crashkernelEnd, Consumer<String> line, Assumptions assumed) {
        long ram = facts.systemRamMiB == null ? 16 * GIB : Math.max(4 * GIB, ((facts.systemRamMiB << 20) + GIB - 1) / GIB * GIB);
        while (ram < crashkernelEnd + GIB) {
            ram *= 2;
        }
        boolean inHole = facts.crashkernelBase != null && facts.crashkernelBase < 4 * GIB && crashkernelEnd > 3 * GIB;
        if (x86 && !inHole) {
            // the x86 machine keeps 3-4 GiB for MMIO and the MSI window at 0xfee00000, as x86-vtd-*.yaml do
            line.accept("    - {base: \"0x00000000\", size: 3GiB}");
            line.accept("    - {base: \"0x100000000\", size: " + (ram / GIB - 3 + (ram / GIB < 8 ? 4 : 0)) + "GiB}");
        } else {
            line.accept("    - {base: \"0x00000000\", size: " + ram / GIB + "GiB}");
        }
        assumed.add("platform.dram", facts.systemRamMiB != null ? "one bank of System RAM rounded up (the bank layout is not in the log)"
                : (ram / GIB) + " GiB from 0x0 (the DRAM layout is not in the log)");
    }
}
