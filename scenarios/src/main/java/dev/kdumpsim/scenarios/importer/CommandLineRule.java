package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * {@code Kernel command line: ...} (init/main.c, start_kernel) and {@code Command line: ...}
 * (arch/x86/kernel/setup.c, setup_arch): the first one of each kernel.
 */
public final class CommandLineRule implements Rule {

    private static final Pattern CMDLINE = Pattern.compile("^(?:Kernel command line|Command line): ?(.*)$");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.startsWith("Kernel command line:") && !msg.startsWith("Command line:")) {
            return;
        }
        Matcher m = CMDLINE.matcher(msg);
        if (m.find() && facts.cmdlines.stream().noneMatch(c -> c.line().kernel() == line.kernel())) {
            facts.cmdlines.add(new Facts.CommandLine(m.group(1).strip(), line));
        }
    }
}
