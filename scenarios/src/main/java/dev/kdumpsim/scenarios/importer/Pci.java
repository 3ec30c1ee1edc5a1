package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.value.Bdf;

/** PCI names as the kernel prints them ({@code pci_name()}: {@code 0000:01:00.0}). */
final class Pci {

    /** RE2 for a BDF with optional segment: groups segment, bus, device, function. */
    static final String BDF = "(?:([0-9a-fA-F]{4}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])";

    private Pci() {
    }

    /** The BDF of the four groups starting at {@code first} of a {@link #BDF} match, or null when it is not one. */
    static Bdf bdf(Matcher m, int first) {
        String seg = m.group(first);
        try {
            return new Bdf(seg == null ? 0 : Integer.parseInt(seg, 16), Integer.parseInt(m.group(first + 1), 16),
                Integer.parseInt(m.group(first + 2), 16), Integer.parseInt(m.group(first + 3), 16));
        } catch (IllegalArgumentException e) {
            return null; // device number above 0x1f: not a BDF
        }
    }

    static long hex(String s) {
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        return Long.parseUnsignedLong(t, 16);
    }

    /** A dev_printk line's device and the text after its prefix. */
    record DeviceLine(Bdf bdf, String text) {
    }

    /**
     * Matches {@code prefixed} (a pattern of {@code "<driver> " + BDF + ": ...(text)"}, the BDF's
     * groups first and the text fifth) against {@code msg}; null when it does not match or the
     * device number is no BDF's.
     */
    static DeviceLine deviceLine(Pattern prefixed, String msg) {
        Matcher m = prefixed.matcher(msg);
        if (!m.find()) {
            return null;
        }
        Bdf bdf = bdf(m, 1);
        return bdf == null ? null : new DeviceLine(bdf, m.group(5));
    }
}
