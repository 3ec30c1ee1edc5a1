package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.value.Bdf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the rules read from the inputs, each with the line it came from. Mutable and filled in
 * input order; bounded (at most {@link #MAX_DEVICES} functions, {@link #MAX_EVENTS} event records
 * kept, {@link #MAX_DISTINCTIVE} distinctive lines), so a flood in the log costs no memory.
 */
public final class Facts {

    public static final int MAX_DEVICES = 64;
    public static final int MAX_DRAM_RANGES = 512;
    /** Ranges closer than this are one bank (e820 splits RAM around small firmware holes). */
    static final long DRAM_MERGE_GAP = 16L << 20;
    public static final int MAX_EVENTS = 16;
    public static final int MAX_DISTINCTIVE = 64;
    /** Longest line made a pattern: printk's own limit is 1024 (LOG_LINE_MAX, kernel/printk/printk.c, v4.16). */
    public static final int MAX_PATTERN_LINE = 1024;

    /** A kernel command line and the kernel (index) that printed it. */
    public record CommandLine(String text, LogLine line) {
    }

    /** A line worth asserting in {@code expect.log}, with what it shows. */
    public record Distinctive(LogLine line, String kind) {
    }

    public int arm64Evidence;
    public int x86Evidence;
    public String arm64Where;
    public String x86Where;

    /** Kernel release by kernel index, with the banner line. */
    public final TreeMap<Integer, LogLine> versionLines = new TreeMap<>();
    public final TreeMap<Integer, String> versions = new TreeMap<>();
    public final List<CommandLine> cmdlines = new ArrayList<>();

    public Long crashkernelBase;
    public Long crashkernelSize;
    public String crashkernelWhere;
    public Long systemRamMiB;
    /** Kernel #1's usable memory ranges as printed ([base, end) pairs), at most {@link #MAX_DRAM_RANGES}. */
    public final List<long[]> dramRanges = new ArrayList<>();
    public String dramWhere;

    public Integer smmuIas;
    public Integer smmuOas;
    public String smmuFeatures;
    public String smmuWhere;
    public String smmuDevice;
    public boolean smmuReset;
    public String smmuResetWhere;

    public boolean vtd;
    public String vtdWhere;

    public final List<SmmuEvent> events = new ArrayList<>();
    public int eventCount;
    public int dmarFaultCount;

    public final TreeMap<Bdf, DeviceFacts> devices = new TreeMap<>();
    public int devicesDropped;
    /** Root ports (pcieport on bus 0, lspci bridges on bus 0), with the functions below each. */
    public final TreeSet<Bdf> rootPorts = new TreeSet<>();
    public final Map<Bdf, Bdf> portOf = new TreeMap<>();
    /** lspci -tv: each function below a bridge -> that bridge (a root port, or a switch's port). */
    public final Map<Bdf, Bdf> bridgeAbove = new TreeMap<>();
    public String topologyWhere;

    public boolean aerFirmwareFirst;
    public boolean aerNative;

    public LogLine panic;
    public final List<Distinctive> distinctive = new ArrayList<>();

    /** The highest kernel index of any line, and the last timestamp seen in each kernel. */
    public int lastKernel;
    public final TreeMap<Integer, Double> lastSeconds = new TreeMap<>();

    /** The function at {@code bdf}, created on first mention (null past {@link #MAX_DEVICES}). */
    public DeviceFacts device(Bdf bdf, String where) {
        DeviceFacts d = devices.get(bdf);
        if (d == null) {
            if (devices.size() >= MAX_DEVICES) {
                devicesDropped++;
                return null;
            }
            d = new DeviceFacts(bdf, where);
            devices.put(bdf, d);
        }
        return d;
    }

    /** Records {@code line} for expect.log (once per identical message; at most {@link #MAX_DISTINCTIVE}). */
    public void distinctive(LogLine line, String kind) {
        if (distinctive.size() >= MAX_DISTINCTIVE || line.message().length() > MAX_PATTERN_LINE) {
            return;
        }
        for (Distinctive d : distinctive) {
            if (d.line().message().equals(line.message()) && d.line().timestamp().equals(line.timestamp())) {
                return;
            }
        }
        distinctive.add(new Distinctive(line, kind));
    }

    /** Records one usable range [base, end) of kernel #1's memory map. */
    public void addDramRange(long base, long end, String where) {
        if (dramRanges.size() < MAX_DRAM_RANGES) {
            dramRanges.add(new long[] {base, end});
            if (dramWhere == null) {
                dramWhere = where;
            }
        }
    }

    /**
     * The model's DRAM banks from the printed ranges: sorted, ranges less than 16 MiB apart merged
     * (firmware holes the model does not carve out), each bank widened to whole MiB; empty when no
     * range was printed.
     */
    public List<long[]> dramBanks() {
        List<long[]> sorted = new ArrayList<>(dramRanges);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> banks = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = banks.isEmpty() ? null : banks.get(banks.size() - 1);
            if (last != null && r[0] - last[1] < DRAM_MERGE_GAP) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                banks.add(new long[] {r[0], r[1]});
            }
        }
        long mib = 1L << 20;
        for (long[] b : banks) {
            b[0] = b[0] & -mib;
            b[1] = (b[1] + mib - 1) & -mib;
        }
        return banks;
    }
}
