package dev.kdumpsim.kernel.pci;

import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.version.AerPrintFormat;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.aer.AerUncorrectable;
import dev.kdumpsim.pcie.config.PciRegs;

/**
 * Prints the uncorrectable errors held in a function's AER registers, read through config space,
 * in one of two formats, then clears the status (RW1C) as the reporting path does.
 *
 * <p>Firmware-first (GHES/CPER, {@code cper_print_aer} of drivers/pci/pcie/aer/aerdrv_errprint.c,
 * ~v4.14-4.17): {@code aer_status: 0x%08x, aer_mask: 0x%08x}, the status bit names, {@code
 * aer_layer=%s, aer_agent=%s}, {@code aer_uncor_severity: 0x%08x}, and the TLP header when a
 * logged bit carries one. The names line and the header line are printed as the 2018 report
 * shows them (device prefix, one space before "TLP Header"); the 4.14 source prints the names
 * bare via {@code cper_print_bits} and the header with two leading spaces (see
 * docs/model-kernel.md).
 *
 * <p>Native ({@code aer_print_error}, drivers/pci/pcie/aer.c v5.2, {@code dev_fmt "AER: "}): the
 * root port's "error received" line, then {@code PCIe Bus Error: severity=%s, type=%s, (%s)},
 * {@code   device [%04x:%04x] error status/mask=%08x/%08x}, one {@code    [%2d] %-22s%s} line per
 * bit with " (First)" on the First Error Pointer, and {@code   TLP Header: ...}.
 */
public final class AerReporter {

    private static final String[] SHORT = new String[32];

    static {
        SHORT[4] = "DLP";
        SHORT[5] = "SDES";
        SHORT[12] = "TLP";
        SHORT[13] = "FCP";
        SHORT[14] = "CmpltTO";
        SHORT[15] = "CmpltAbrt";
        SHORT[16] = "UnxCmplt";
        SHORT[17] = "RxOF";
        SHORT[18] = "MalfTLP";
        SHORT[19] = "ECRC";
        SHORT[20] = "UnsupReq";
        SHORT[21] = "ACSViol";
        SHORT[22] = "UncorrIntErr";
        SHORT[23] = "BlockedTLP";
        SHORT[24] = "AtomicOpBlocked";
        SHORT[25] = "TLPBlockedErr";
        SHORT[26] = "PoisonTLPBlocked";
    }

    private final RootComplex rc;
    private final boolean nativeFormat;
    private final AerPrintFormat format;
    private long reports;
    private final java.util.TreeMap<Integer, java.util.List<String>> reported = new java.util.TreeMap<>();

    /** The wave-1 reporter: the report's firmware-first lines, or 5.2's native ones. */
    public AerReporter(RootComplex rc, boolean nativeFormat) {
        this(rc, nativeFormat, AerPrintFormat.REPORT_2018);
    }

    /** A reporter printing as the kernel release with {@code format} does (the version table's AER row). */
    public AerReporter(RootComplex rc, boolean nativeFormat, AerPrintFormat format) {
        this.rc = rc;
        this.nativeFormat = nativeFormat;
        this.format = format;
    }

    /** Reports {@code bdf}'s pending uncorrectable errors, if any. {@code devPrefix} e.g. "pci 0000:01:00.0: ". */
    public boolean report(ConsolePrinter out, int bdf, String devPrefix, int rootPortBdf) {
        int status = rc.configRead(bdf, PciRegs.ERR_UNCOR_STATUS, 4);
        if (status == 0 || status == 0xffffffff) {
            return false;
        }
        int mask = rc.configRead(bdf, PciRegs.ERR_UNCOR_MASK, 4);
        int severity = rc.configRead(bdf, PciRegs.ERR_UNCOR_SEVER, 4);
        int fep = rc.configRead(bdf, PciRegs.ERR_CAP, 4) & PciRegs.ERR_CAP_FEP_MASK;
        int[] hdr = new int[4];
        for (int i = 0; i < 4; i++) {
            hdr[i] = rc.configRead(bdf, PciRegs.ERR_HEADER_LOG + 4 * i, 4);
        }
        AerUncorrectable u = AerUncorrectable.of(status);
        int id = rc.configRead(bdf, PciRegs.VENDOR_ID, 2);
        int dev = rc.configRead(bdf, PciRegs.DEVICE_ID, 2);
        if (nativeFormat) {
            printNative(out, bdf, devPrefix, rootPortBdf, u, status, mask, severity, fep, hdr, id, dev);
        } else {
            printFirmwareFirst(out, devPrefix, u, status, mask, severity, fep, hdr);
        }
        rc.configWrite(bdf, PciRegs.ERR_UNCOR_STATUS, 4, status); // RW1C: the error was handled
        reports++;
        reported.computeIfAbsent(bdf, b -> new java.util.ArrayList<>()).addAll(u.errors());
        return true;
    }

    /** "AER: " after the device prefix from 5.2 ({@code pr_fmt}/{@code dev_fmt} in aer.c). */
    private String aer() {
        return format == AerPrintFormat.V4_14 || format == AerPrintFormat.V4_19 ? "" : "AER: ";
    }

    /**
     * aer_print_port_info + aer_print_error: 4.14's "id=%04x" forms and long names, 4.19's
     * short names, 5.2's "AER: " prefix, 6.8's "error message received from" and "Uncorrectable".
     */
    private void printNative(ConsolePrinter out, int bdf, String devPrefix, int rootPortBdf, AerUncorrectable u, int status,
            int mask, int severity, int fep, int[] hdr, int vendor, int device) {
        boolean fatal = (severity & (1 << fep)) != 0;
        boolean v68 = format == AerPrintFormat.V6_8;
        String sev = (v68 ? "Uncorrectable" : "Uncorrected") + (fatal ? " (Fatal)" : " (Non-Fatal)");
        String port = "pcieport " + Bdf.pciName(rootPortBdf) + ": ";
        String a = aer();
        if (format == AerPrintFormat.V4_14) {
            out.print(LogLevel.INFO, port, "AER: %s error received: id=%04x\n", sev, (long) bdf);
            out.print(LogLevel.ERR, devPrefix, "PCIe Bus Error: severity=%s, type=%s, id=%04x(%s)\n", sev, u.layer(), (long) bdf,
                    u.agent());
        } else {
            out.print(LogLevel.INFO, port, v68 ? "AER: %s error message received from %s\n" : "AER: %s error received: %s\n", sev,
                    Bdf.pciName(bdf));
            out.print(LogLevel.ERR, devPrefix, a + "PCIe Bus Error: severity=%s, type=%s, (%s)\n", sev, u.layer(), u.agent());
        }
        out.print(LogLevel.ERR, devPrefix, a + "  device [%04x:%04x] error status/mask=%08x/%08x\n", vendor, device, status, mask);
        bitLines(out, devPrefix, a, u, fep, format == AerPrintFormat.V4_14);
        if (u.headerLogValid()) {
            out.print(LogLevel.ERR, devPrefix, a + "  TLP Header: %08x %08x %08x %08x\n", hdr[0], hdr[1], hdr[2], hdr[3]);
        }
    }

    /**
     * cper_print_aer (ghes_do_proc for a PCIe section): 4.14 prints the names bare through
     * cper_print_bits (no device prefix, default loglevel) and the header with two spaces; from
     * 4.19 the names are __aer_print_error's "[%2d]" lines; from 5.2 every line carries "AER: ".
     */
    private void printFirmwareFirst(ConsolePrinter out, String devPrefix, AerUncorrectable u, int status, int mask, int severity,
            int fep, int[] hdr) {
        if (format == AerPrintFormat.REPORT_2018) {
            out.print(LogLevel.ERR, devPrefix, "aer_status: 0x%08x, aer_mask: 0x%08x\n", status, mask);
            out.print(LogLevel.ERR, devPrefix, "%s\n", String.join(", ", u.errors()));
            out.print(LogLevel.ERR, devPrefix, "aer_layer=%s, aer_agent=%s\n", u.layer(), u.agent());
            out.print(LogLevel.ERR, devPrefix, "aer_uncor_severity: 0x%08x\n", severity);
            if (u.headerLogValid()) {
                out.print(LogLevel.ERR, devPrefix, "TLP Header: %08x %08x %08x %08x\n", hdr[0], hdr[1], hdr[2], hdr[3]);
            }
            return;
        }
        String a = aer();
        out.print(LogLevel.ERR, devPrefix, a + "aer_status: 0x%08x, aer_mask: 0x%08x\n", status, mask);
        if (format == AerPrintFormat.V4_14) {
            out.print(LogLevel.WARNING, "", "%s\n", String.join(", ", u.errors())); // printk("%s\n"): default loglevel
        } else {
            bitLines(out, devPrefix, a, u, fep, false);
        }
        out.print(LogLevel.ERR, devPrefix, a + "aer_layer=%s, aer_agent=%s\n", u.layer(), u.agent());
        out.print(LogLevel.ERR, devPrefix, a + "aer_uncor_severity: 0x%08x\n", severity);
        if (u.headerLogValid()) {
            out.print(LogLevel.ERR, devPrefix, a + "  TLP Header: %08x %08x %08x %08x\n", hdr[0], hdr[1], hdr[2], hdr[3]);
        }
    }

    /** One {@code "   [%2d] %-22s%s"} line per status bit, " (First)" on the First Error Pointer. */
    private void bitLines(ConsolePrinter out, String devPrefix, String a, AerUncorrectable u, int fep, boolean longNames) {
        for (int i = 0; i < u.bits().size(); i++) {
            int b = u.bits().get(i);
            String name = longNames ? u.errors().get(i) : SHORT[b] != null ? SHORT[b]
                    : format == AerPrintFormat.REPORT_2018 ? "Unknown Error Bit " + b : null; // the wave-1 line, kept
            if (name == null) {
                out.print(LogLevel.ERR, devPrefix, a + "   [%2d] Unknown Error Bit%s\n", b, b == fep ? " (First)" : "");
            } else {
                out.print(LogLevel.ERR, devPrefix, a + "   [%2d] %-22s%s\n", b, name, b == fep ? " (First)" : "");
            }
        }
    }

    /** Error names printed for {@code bdf} so far, in order. */
    public java.util.List<String> reportedErrors(int bdf) {
        return reported.getOrDefault(bdf, java.util.List.of());
    }

    public long reports() {
        return reports;
    }
}
