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

    /**
     * Reports {@code bdf}'s pending uncorrectable errors, if any, then clears them (the wave-1
     * enumeration report). {@code devPrefix} e.g. "pci 0000:01:00.0: ".
     */
    public boolean report(ConsolePrinter out, int bdf, String devPrefix, int rootPortBdf) {
        AerRegisters r = AerRegisters.read(rc, bdf);
        if (!r.pending()) {
            return false;
        }
        print(out, bdf, devPrefix, rootPortBdf, r);
        rc.configWrite(bdf, PciRegs.ERR_UNCOR_STATUS, 4, r.status()); // RW1C: the error was handled
        return true;
    }

    /**
     * Prints a register snapshot in this reporter's format: read from config space by the native
     * path, or carried in a CPER record by the firmware-first one. Does not touch the device.
     */
    public void print(ConsolePrinter out, int bdf, String devPrefix, int rootPortBdf, AerRegisters r) {
        AerUncorrectable u = AerUncorrectable.of(r.status());
        int[] hdr = r.header();
        if (nativeFormat) {
            printNative(out, bdf, devPrefix, rootPortBdf, u, r.status(), r.mask(), r.severity(), r.firstErrorPointer(), hdr,
                    r.vendorId(), r.deviceId());
        } else {
            printFirmwareFirst(out, devPrefix, u, r.status(), r.mask(), r.severity(), r.firstErrorPointer(), hdr);
        }
        reports++;
        remember(bdf, u);
    }

    /**
     * What {@code __aer_print_error} and {@code aer_print_error}'s first lines carry after the
     * device prefix: {@link #aer()} while they are {@code pci_err} (5.2 to 6.7); nothing from 6.8,
     * where they are {@code pci_printk(level, ...)}, which does not apply {@code dev_fmt}.
     */
    private String printkPrefix() {
        return format == AerPrintFormat.V6_8 ? "" : aer();
    }

    private String aer() {
        return format.devFmt();
    }

    /**
     * aer_print_port_info + aer_print_error: 4.14's "id=%04x" forms and long names, 4.19's
     * short names, 5.2's "AER: " prefix, 6.8's "error message received from" and "Uncorrectable".
     */
    private void printNative(ConsolePrinter out, int bdf, String devPrefix, int rootPortBdf, AerUncorrectable u, int status,
            int mask, int severity, int fep, int[] hdr, int vendor, int device) {
        boolean fatal = (severity & (1 << fep)) != 0;
        printPortInfo(out, rootPortBdf, bdf, fatal, false);
        printDeviceError(out, devPrefix, bdf, u, status, mask, fep, hdr, vendor, device, fatal);
    }

    private String severityString(boolean fatal) {
        return (format == AerPrintFormat.V6_8 ? "Uncorrectable" : "Uncorrected") + (fatal ? " (Fatal)" : " (Non-Fatal)");
    }

    /**
     * {@code aer_print_port_info}: the Root Port's line for an error Message from {@code sourceId},
     * with "Multiple " when Root Error Status says more than one arrived.
     */
    public void printPortInfo(ConsolePrinter out, int rootPortBdf, int sourceId, boolean fatal, boolean multiple) {
        String port = "pcieport " + Bdf.pciName(rootPortBdf) + ": ";
        String sev = (multiple ? "Multiple " : "") + severityString(fatal);
        if (format == AerPrintFormat.V4_14) {
            out.print(LogLevel.INFO, port, "AER: %s error received: id=%04x\n", sev, (long) sourceId);
        } else {
            out.print(LogLevel.INFO, port, format == AerPrintFormat.V6_8 ? "AER: %s error message received from %s\n"
                    : "AER: %s error received: %s\n", sev, Bdf.pciName(sourceId));
        }
    }

    /**
     * {@code aer_print_error} for a device whose registers were read ({@link AerRegisters}), at the
     * severity the Root Port reported ({@code fatal}).
     */
    public void printDeviceError(ConsolePrinter out, int bdf, String devPrefix, AerRegisters r, boolean fatal) {
        AerUncorrectable u = AerUncorrectable.of(r.status());
        printDeviceError(out, devPrefix, bdf, u, r.status(), r.mask(), r.firstErrorPointer(), r.header(), r.vendorId(),
                r.deviceId(), fatal);
        reports++;
        remember(bdf, u);
    }

    /**
     * {@code aer_print_error} when the registers were not read: a fatal error from an endpoint,
     * whose link {@code aer_get_device_error_info} does not trust ("Link is still healthy for IO
     * reads" holds only for non-fatal errors and for ports).
     */
    public void printInaccessible(ConsolePrinter out, int bdf, String devPrefix, boolean fatal) {
        String a = aer();
        if (format == AerPrintFormat.V4_14) {
            out.print(LogLevel.ERR, devPrefix, "PCIe Bus Error: severity=%s, type=Unaccessible, id=%04x(Unregistered Agent ID)\n",
                    severityString(fatal), (long) bdf);
        } else {
            out.print(LogLevel.ERR, devPrefix, a + "PCIe Bus Error: severity=%s, type=Inaccessible, (Unregistered Agent ID)\n",
                    severityString(fatal));
        }
        reports++;
    }

    private void printDeviceError(ConsolePrinter out, String devPrefix, int bdf, AerUncorrectable u, int status, int mask,
            int fep, int[] hdr, int vendor, int device, boolean fatal) {
        String sev = severityString(fatal);
        String a = aer();
        String p = printkPrefix(); // 6.8: pci_printk(level, ...) does not apply dev_fmt
        if (format == AerPrintFormat.V4_14) {
            out.print(LogLevel.ERR, devPrefix, "PCIe Bus Error: severity=%s, type=%s, id=%04x(%s)\n", sev, u.layer(), (long) bdf,
                    u.agent());
        } else {
            out.print(LogLevel.ERR, devPrefix, p + "PCIe Bus Error: severity=%s, type=%s, (%s)\n", sev, u.layer(), u.agent());
        }
        out.print(LogLevel.ERR, devPrefix, p + "  device [%04x:%04x] error status/mask=%08x/%08x\n", vendor, device, status, mask);
        bitLines(out, devPrefix, p, u, fep, format == AerPrintFormat.V4_14);
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
            bitLines(out, devPrefix, printkPrefix(), u, fep, false);
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
            if (name == null && format == AerPrintFormat.V6_8) {
                name = "Unknown Error Bit"; // 6.8: errmsg = "Unknown Error Bit", padded like any name
            }
            if (name == null) {
                out.print(LogLevel.ERR, devPrefix, a + "   [%2d] Unknown Error Bit%s\n", b, b == fep ? " (First)" : "");
            } else {
                out.print(LogLevel.ERR, devPrefix, a + "   [%2d] %-22s%s\n", b, name, b == fep ? " (First)" : "");
            }
        }
    }

    /** Adds the error names of one report to {@code bdf}'s, each name once (a flood repeats them). */
    private void remember(int bdf, AerUncorrectable u) {
        java.util.List<String> names = reported.computeIfAbsent(bdf, b -> new java.util.ArrayList<>());
        for (String e : u.errors()) {
            if (!names.contains(e)) {
                names.add(e);
            }
        }
    }

    /** The distinct error names printed for {@code bdf} so far, in the order they were first printed. */
    public java.util.List<String> reportedErrors(int bdf) {
        return reported.getOrDefault(bdf, java.util.List.of());
    }

    public long reports() {
        return reports;
    }
}
