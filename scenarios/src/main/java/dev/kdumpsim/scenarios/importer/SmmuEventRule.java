package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * SMMUv3 event records: {@code event 0x%02x received:} then one {@code \t0x%016llx} line per
 * dword, four in all (arm_smmu_evtq_thread, Linux v4.16 drivers/iommu/arm-smmu-v3.c). Keeps the
 * first {@link Facts#MAX_EVENTS} records and counts the rest; the first three go to expect.log
 * (the simulator's summary collapses floods the same way).
 */
public final class SmmuEventRule implements Rule {

    private static final Pattern HEADER = Pattern.compile("^arm-smmu-v3 \\S+: event 0x([0-9a-fA-F]{2}) received:$");
    private static final Pattern DWORD = Pattern.compile("^arm-smmu-v3 \\S+:\\s+0x([0-9a-fA-F]{16})$");
    private static final int IN_EXPECT = 3;

    private LogLine header;
    private int id;
    private final List<Long> dwords = new ArrayList<>();
    private final List<LogLine> lines = new ArrayList<>();

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.startsWith("arm-smmu-v3 ")) {
            return;
        }
        if (msg.contains(" received:")) {
            Matcher h = HEADER.matcher(msg);
            if (h.find()) {
                header = line;
                id = Integer.parseInt(h.group(1), 16);
                dwords.clear();
                lines.clear();
            }
            return;
        }
        Matcher d = header == null ? null : DWORD.matcher(msg);
        if (d != null && d.find()) {
            dwords.add(Pci.hex(d.group(1)));
            lines.add(line);
            if (dwords.size() == 4) {
                facts.eventCount++;
                if (facts.events.size() < Facts.MAX_EVENTS) {
                    facts.events.add(new SmmuEvent(id, List.copyOf(dwords), header));
                }
                if (facts.eventCount <= IN_EXPECT) {
                    facts.distinctive(header, "IOMMU event");
                    lines.forEach(l -> facts.distinctive(l, "IOMMU event"));
                }
                header = null;
            }
        }
    }
}
