package dev.kdumpsim.scenarios.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRAM layout as kernel #1 printed it at boot: x86's firmware memory map
 * {@code BIOS-e820: [mem %#018Lx-%#018Lx] usable} (arch/x86/kernel/e820.c, e820__print_table; the
 * end is inclusive) and arm64's {@code  node   0: [mem %#018Lx-%#018Lx]} under "Early memory node
 * ranges" (mm/page_alloc.c, free_area_init; inclusive end). Only kernel #1's lines count (the kdump
 * kernel sees its own, smaller map); each range is kept as printed and {@link Facts#dramBanks}
 * merges them into the model's banks.
 */
public final class DramRule implements Rule {

    private static final Pattern E820 = Pattern.compile(
            "BIOS-e820: \\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\] usable$");
    private static final Pattern NODE = Pattern.compile(
            "^\\s*node\\s+\\d{1,4}: \\[mem 0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})\\]$");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (line.kernel() > 0 || !msg.contains("[mem 0x")) {
            return;
        }
        Matcher m = msg.contains("BIOS-e820") ? E820.matcher(msg) : NODE.matcher(msg);
        if (m.find()) {
            long base = Pci.hex(m.group(1));
            long last = Pci.hex(m.group(2));
            if (last >= base && last < CrashkernelRule.MAX_END) {
                facts.addDramRange(base, last + 1, line.where());
            }
        }
    }
}
