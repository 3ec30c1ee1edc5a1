package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * {@code Kernel command line: ...} (init/main.c, start_kernel) and {@code Command line: ...}
 * (arch/x86/kernel/setup.c, setup_arch): the first one of each kernel.
 */
public final class CommandLineRule implements Rule {

    /** COMMAND_LINE_SIZE is 2048 on arm64 and x86 (v4.16 arch/arm64/include/uapi/asm/setup.h, arch/x86/include/asm/setup.h); twice that is not a command line. */
    static final int MAX = 4096;
    private static final Pattern CMDLINE = Pattern.compile("^(?:Kernel command line|Command line): ?(.*)$");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.startsWith("Kernel command line:") && !msg.startsWith("Command line:")) {
            return;
        }
        Matcher m = CMDLINE.matcher(msg);
        if (m.find() && m.group(1).length() <= MAX && facts.cmdlines.stream().noneMatch(c -> c.line().kernel() == line.kernel())) {
            facts.cmdlines.add(new Facts.CommandLine(m.group(1).strip(), line));
        }
    }
}
