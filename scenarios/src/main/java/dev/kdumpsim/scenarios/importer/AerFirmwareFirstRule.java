package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Set;

/**
 * Firmware-first AER as Linux 4.x prints a CPER PCIe section (cper_print_aer, Linux v4.16
 * drivers/pci/pcie/aer/aerdrv_errprint.c): {@code aer_status: 0x%08x, aer_mask: 0x%08x}, the
 * names of the status bits ({@code Malformed TLP}), {@code aer_layer=..., aer_agent=...},
 * {@code aer_uncor_severity: 0x%08x} and {@code TLP Header: ...}. Every one of them is a line of
 * the report worth asserting.
 */
public final class AerFirmwareFirstRule implements Rule {

    private static final Pattern LINE = Pattern.compile("^\\S+ " + Pci.BDF + ": (.*)$");
    private static final Pattern SEVERITY = Pattern.compile("^aer_uncor_severity: 0x([0-9a-fA-F]{1,8})$");
    /** aer_uncorrectable_error_string[] of aerdrv_errprint.c (v4.16). */
    static final Set<String> UNCORRECTABLE = Set.of("Undefined", "Data Link Protocol", "Surprise Down Error", "Poisoned TLP",
            "Flow Control Protocol", "Completion Timeout", "Completer Abort", "Unexpected Completion", "Receiver Overflow",
            "Malformed TLP", "ECRC", "Unsupported Request", "ACS Violation", "Uncorrectable Internal Error", "MC Blocked TLP",
            "AtomicOp Egress Blocked", "TLP Prefix Blocked Error");

    private Object inReport; // the BDF of the last aer_status line: its bit names follow

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (msg.indexOf(':') < 0 || !(msg.contains("aer_") || msg.contains("TLP Header") || inReport != null)) {
            return;
        }
        Pci.DeviceLine dl = Pci.deviceLine(LINE, msg);
        if (dl == null) {
            return;
        }
        var bdf = dl.bdf();
        String text = dl.text();
        if (text.startsWith("aer_status: ")) {
            facts.aerFirmwareFirst = true;
            inReport = bdf;
            facts.distinctive(line, "AER");
        } else if (text.startsWith("aer_uncor_severity: ")) {
            Matcher s = SEVERITY.matcher(text);
            DeviceFacts d = facts.device(bdf, line.where());
            if (s.find() && d != null && d.uncorSeverity == null) {
                d.uncorSeverity = Long.parseLong(s.group(1), 16);
                d.severityWhere = line.where();
            }
            facts.distinctive(line, "AER");
        } else if (text.startsWith("aer_layer=") || text.startsWith("TLP Header: ")) {
            facts.distinctive(line, "AER");
            if (text.startsWith("TLP Header: ")) {
                inReport = null;
            }
        } else if (bdf.equals(inReport) && UNCORRECTABLE.contains(text.strip())) {
            DeviceFacts d = facts.device(bdf, line.where());
            if (d != null) {
                d.errors.add(text.strip());
            }
            facts.distinctive(line, "AER");
        }
    }
}
