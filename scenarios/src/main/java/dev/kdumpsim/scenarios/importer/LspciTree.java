package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code lspci -tv} (pciutils ls-tree.c, show_tree_dev): {@code -[0000:00]-+-01.0-[01]--+-00.0
 * Intel ...}. A branch is drawn at a fixed column, the same on the lines below it
 * ({@code |    \-00.1}), so the bus a {@code DD.F} is on is the bus whose branch starts at its
 * column; {@code DD.F-[BB]} (or {@code -[BB-CC]}) is a bridge whose secondary bus BB starts the
 * branches to its right. Bridges on a root bus are root ports; each function also records the
 * bridge right above it ({@link Facts#bridgeAbove}), from which {@link ImportTopology} finds switches
 * (an upstream port below a root or downstream port, its downstream ports below it).
 */
final class LspciTree {

    private static final Pattern ROOT = Pattern.compile("\\[([0-9a-fA-F]{4}):([0-9a-fA-F]{2})\\]-");
    private static final Pattern NODE = Pattern.compile("([0-9a-fA-F]{2})\\.([0-7])(?:-\\[([0-9a-fA-F]{2})(?:-[0-9a-fA-F]{2})?\\]-)?");

    /** Column where a branch starts -> its segment and bus. */
    private final Map<Integer, int[]> busAt = new HashMap<>();
    /** Secondary bus (segment << 8 | bus) -> the root port above it. */
    private final Map<Integer, Bdf> rootPortOf = new HashMap<>();
    private final Map<Integer, Boolean> rootBus = new HashMap<>();
    /** Secondary bus -> the bridge whose secondary bus it is. */
    private final Map<Integer, Bdf> bridgeOfBus = new HashMap<>();

    boolean read(String file, int lineNo, String line, Facts facts) {
        boolean any = false;
        Matcher r = ROOT.matcher(line);
        while (r.find()) {
            int seg = Integer.parseInt(r.group(1), 16);
            int bus = Integer.parseInt(r.group(2), 16);
            busAt.put(r.end() + 1 - 1, new int[] {seg, bus}); // the branch char right after "]-"
            rootBus.put(seg << 8 | bus, true);
            any = true;
        }
        Matcher n = NODE.matcher(line);
        while (n.find()) {
            int col = n.start() - 2;
            int[] bus = busAt.get(col);
            if (bus == null || col < 0 || "+\\-".indexOf(line.charAt(col)) < 0) {
                continue;
            }
            Bdf bdf;
            try {
                bdf = new Bdf(bus[0], bus[1], Integer.parseInt(n.group(1), 16), Integer.parseInt(n.group(2), 16));
            } catch (IllegalArgumentException e) {
                continue;
            }
            any = true;
            DeviceFacts d = facts.device(bdf, file + ":" + lineNo);
            boolean onRootBus = rootBus.containsKey(bus[0] << 8 | bus[1]);
            Bdf port = rootPortOf.get(bus[0] << 8 | bus[1]);
            if (port != null && d != null) {
                facts.portOf.putIfAbsent(bdf, port);
            }
            Bdf above = bridgeOfBus.get(bus[0] << 8 | bus[1]);
            if (above != null && d != null) {
                facts.bridgeAbove.putIfAbsent(bdf, above);
            }
            if (n.group(3) != null) {
                int secondary = bus[0] << 8 | Integer.parseInt(n.group(3), 16);
                busAt.put(n.end() + 1, new int[] {bus[0], secondary & 0xff});
                bridgeOfBus.put(secondary, bdf);
                if (d != null) {
                    d.bridge = true;
                }
                if (onRootBus) {
                    facts.rootPorts.add(bdf);
                    rootPortOf.put(secondary, bdf);
                } else if (port != null) {
                    rootPortOf.put(secondary, port); // a switch below the root port
                }
                if (facts.topologyWhere == null) {
                    facts.topologyWhere = file + ":" + lineNo;
                }
            }
        }
        return any;
    }
}
