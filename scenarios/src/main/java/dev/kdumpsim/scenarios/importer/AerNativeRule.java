package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Native AER (Linux 4.19 onwards, drivers/pci/pcie/aer.c): the port's {@code AER: Uncorrected
 * (Non-Fatal) error received: 0000:01:00.0} (aer_isr_one_error; the port is above the device),
 * the device's {@code AER: PCIe Bus Error: severity=..., type=..., (Requester ID)}
 * (aer_print_error), {@code AER:   device [8086:10c9] error status/mask=...} (its IDs) and
 * {@code AER:    [14] CmpltTO (First)} (__aer_print_error: the bit names).
 */
public final class AerNativeRule implements Rule {

    private static final Pattern LINE = Pattern.compile("^\\S+ " + Pci.BDF + ": AER: (.*)$");
    private static final Pattern RECEIVED = Pattern.compile("error received: (?:id=[0-9a-f]+\\s*)?" + Pci.BDF);
    private static final Pattern IDS = Pattern.compile("^\\s*device \\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\\] error status/mask=");
    private static final Pattern BIT = Pattern.compile("^\\s*\\[\\s*(\\d{1,2})\\]\\s*([A-Za-z]+)");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.contains(": AER: ")) {
            return;
        }
        Pci.DeviceLine dl = Pci.deviceLine(LINE, msg);
        if (dl == null) {
            return;
        }
        var bdf = dl.bdf();
        String text = dl.text();
        facts.aerNative = true;
        Matcher r = RECEIVED.matcher(text);
        Matcher ids = IDS.matcher(text);
        Matcher bit = BIT.matcher(text);
        if (r.find()) {
            var below = Pci.bdf(r, 1);
            if (below != null && !below.equals(bdf)) {
                facts.portOf.put(below, bdf);
                if (bdf.bus() == 0) {
                    facts.rootPorts.add(bdf);
                }
                facts.device(below, line.where());
                if (facts.topologyWhere == null) {
                    facts.topologyWhere = line.where();
                }
            }
            facts.distinctive(line, "AER");
        } else if (ids.find()) {
            DeviceFacts d = facts.device(bdf, line.where());
            if (d != null && d.vendorId == null) {
                d.vendorId = Integer.parseInt(ids.group(1), 16);
                d.deviceId = Integer.parseInt(ids.group(2), 16);
                d.idsWhere = line.where();
            }
            facts.distinctive(line, "AER");
        } else if (bit.find()) {
            DeviceFacts d = facts.device(bdf, line.where());
            if (d != null) {
                d.errors.add(bit.group(2));
            }
            facts.distinctive(line, "AER");
        } else if (text.startsWith("PCIe Bus Error: ")) {
            facts.distinctive(line, "AER");
        }
    }
}
