package dev.kdumpsim.kernel.ras;

import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.pci.AerRegisters;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.CperAerLines;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.pcie.Bdf;

/**
 * {@code __ghes_print_estatus} (drivers/acpi/apei/ghes.c) -> {@code cper_estatus_print} ->
 * {@code cper_estatus_print_section} -> {@code cper_print_pcie} (drivers/firmware/efi/cper.c) for
 * a block with one PCIe section, line for line: the header with the global {@code {N}} sequence
 * number, "event severity", " Error 0, type", "  section_type: PCIe error", then the section's
 * fields with two spaces of indent. The class code's byte order and the AER lines follow the
 * release ({@link Behaviours#CPER_CLASS_CODE_MSB_FIRST}, {@link Behaviours#CPER_AER_LINES}).
 */
final class CperPrinter {

    /** {@code cper_pcie_port_type_strs}. */
    private static final String[] PORT_TYPES = {"PCIe end point", "legacy PCI end point", "unknown", "unknown", "root port",
        "upstream switch port", "downstream switch port", "PCIe to PCI/PCI-X bridge", "PCI/PCI-X to PCIe bridge",
        "root complex integrated endpoint device", "root complex event collector"};

    private final KernelVersion version;
    /** {@code static atomic_t seqno} of __ghes_print_estatus, shared by every source and the panic print. */
    private int seqno;

    public CperPrinter(KernelVersion version) {
        this.version = version;
    }

    /**
     * Prints {@code e}; {@code level} null means the severity's (KERN_ERR for recoverable and
     * fatal, KERN_WARNING for corrected), {@code KERN_EMERG} is what {@code __ghes_panic} passes.
     */
    public void print(ConsolePrinter out, CperPcieError e, LogLevel level) {
        LogLevel l = level != null ? level : e.severity() == CperSeverity.CORRECTED
                || e.severity() == CperSeverity.INFORMATIONAL ? LogLevel.WARNING : LogLevel.ERR;
        String pfx = "{" + (++seqno) + "}[Hardware Error]: ";
        out.print(l, "", pfx + "Hardware error from APEI Generic Hardware Error Source: %d\n", e.sourceId());
        if (e.severity() == CperSeverity.CORRECTED) {
            out.print(l, "", pfx + "It has been corrected by h/w and requires no further action\n");
        }
        out.print(l, "", pfx + "event severity: %s\n", e.severity().word());
        out.print(l, "", pfx + " Error 0, type: %s\n", e.severity().word());
        String p = pfx + "  ";
        out.print(l, "", p + "section_type: PCIe error\n");
        int pt = e.portType();
        out.print(l, "", p + "port_type: %d, %s\n", pt, pt < PORT_TYPES.length ? PORT_TYPES[pt] : "unknown");
        out.print(l, "", p + "version: %d.%d\n", e.versionMajor(), e.versionMinor());
        out.print(l, "", p + "command: 0x%04x, status: 0x%04x\n", e.command(), e.status());
        out.print(l, "", p + "device_id: %04x:%02x:%02x.%x\n", e.segment(), Bdf.bus(e.bdf()), Bdf.device(e.bdf()),
                Bdf.function(e.bdf()));
        out.print(l, "", p + "slot: %d\n", e.slot());
        out.print(l, "", p + "secondary_bus: 0x%02x\n", e.secondaryBus());
        out.print(l, "", p + "vendor_id: 0x%04x, device_id: 0x%04x\n", e.vendorId(), e.deviceId());
        int c = e.classCode();
        int b0 = c & 0xff;
        int b1 = (c >> 8) & 0xff;
        int b2 = (c >> 16) & 0xff;
        // class_code[] holds the register's bytes in order (prog-if first); before 6fb9367a15d1 cper.c printed p[0] first
        if (version.get(Behaviours.CPER_CLASS_CODE_MSB_FIRST)) {
            out.print(l, "", p + "class_code: %02x%02x%02x\n", b2, b1, b0);
        } else {
            out.print(l, "", p + "class_code: %02x%02x%02x\n", b0, b1, b2);
        }
        if (e.hasSerialNumber()) {
            out.print(l, "", p + "serial number: 0x%04x, 0x%04x\n", e.serialNumber() & 0xffffffffL, e.serialNumber() >>> 32);
        }
        CperAerLines aerLines = version.get(Behaviours.CPER_AER_LINES);
        boolean fatalBit = (e.severity().value() & CperSeverity.FATAL.value()) != 0;
        if (aerLines == CperAerLines.ALL || aerLines == CperAerLines.FATAL_ONLY && fatalBit) {
            AerRegisters a = e.aer();
            if (aerLines == CperAerLines.ALL) {
                out.print(l, "", p + "aer_cor_status: 0x%08x, aer_cor_mask: 0x%08x\n", e.corStatus(), e.corMask());
            }
            out.print(l, "", p + "aer_uncor_status: 0x%08x, aer_uncor_mask: 0x%08x\n", a.status(), a.mask());
            out.print(l, "", p + "aer_uncor_severity: 0x%08x\n", a.severity());
            int[] h = a.header();
            out.print(l, "", p + "TLP Header: %08x %08x %08x %08x\n", h[0], h[1], h[2], h[3]);
        }
    }

    /** How many blocks were printed (the last {@code {N}}). */
    public int printed() {
        return seqno;
    }
}
