package dev.kdumpsim.scenarios.fit;

import java.util.ArrayList;
import java.util.List;

/** A line of a simulated kernel.log: its printk time as printed, its message, and which kernel's section it is in. */
record SimulatedLine(String timestamp, String message, int kernel) {

    /** The separator lines of {@code RunReport.kernelLog}: {@code === kernel #1 ===}, {@code === kdump kernel ===}. */
    private static final String SECTION = "=== ";

    double seconds() {
        return Double.parseDouble(timestamp);
    }

    /** The lines of a simulated kernel.log, section by section; lines that are not {@code [ seconds] message} are skipped. */
    static List<SimulatedLine> parse(String kernelLog) {
        List<SimulatedLine> out = new ArrayList<>();
        int kernel = -1;
        for (String line : kernelLog.split("\n")) {
            if (line.startsWith(SECTION)) {
                kernel++;
                continue;
            }
            int close = line.indexOf("] ");
            if (!line.startsWith("[") || close < 0) {
                continue;
            }
            out.add(new SimulatedLine(line.substring(1, close).strip(), line.substring(close + 2), Math.max(0, kernel)));
        }
        return out;
    }

    /** The kernel.log's sections as separate texts (kernel #1, then the kdump kernel), for the importer's rules. */
    static List<String> sections(String kernelLog) {
        List<String> out = new ArrayList<>();
        StringBuilder b = null;
        for (String line : kernelLog.split("\n")) {
            if (line.startsWith(SECTION)) {
                if (b != null) {
                    out.add(b.toString());
                }
                b = new StringBuilder();
            } else if (b != null) {
                b.append(line).append('\n');
            }
        }
        if (b != null) {
            out.add(b.toString());
        }
        return out;
    }
}
