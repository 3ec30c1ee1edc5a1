package dev.kdumpsim.pcie;

/**
 * Bus/Device/Function addressing: a 16-bit Requester/Completer ID packed as
 * bus[15:8] device[7:3] function[2:0] (PCIe Base Spec r4.0 §2.2.6.2, "Transaction Descriptor -
 * Requester ID"). Linux prints it as {@code bb:dd.f} (lib/vsprintf, pci_name()).
 */
public final class Bdf {

    private Bdf() {
    }

    /** Packs bus (0-255), device (0-31), function (0-7). */
    public static int of(int bus, int device, int function) {
        if (bus < 0 || bus > 255 || device < 0 || device > 31 || function < 0 || function > 7) {
            throw new IllegalArgumentException("BDF out of range: bus " + bus + " device " + device
                    + " function " + function + " (bus 0-255, device 0-31, function 0-7)");
        }
        return (bus << 8) | (device << 3) | function;
    }

    public static int bus(int bdf) {
        return (bdf >>> 8) & 0xff;
    }

    public static int device(int bdf) {
        return (bdf >>> 3) & 0x1f;
    }

    public static int function(int bdf) {
        return bdf & 7;
    }

    /** Formats as Linux does: {@code 01:00.1}. */
    public static String format(int bdf) {
        return String.format(java.util.Locale.ROOT, "%02x:%02x.%x", bus(bdf), device(bdf), function(bdf));
    }

    /** {@code dev_name()} of a PCI device in segment 0, as Linux prints it: {@code 0000:01:00.1}. */
    public static String pciName(int bdf) {
        return "0000:" + format(bdf);
    }

    /** Parses {@code bb:dd.f} (hex bus and device, as Linux prints them). */
    public static int parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        int dot = t.indexOf('.');
        if (colon < 0 || dot < colon) {
            throw new IllegalArgumentException("not a BDF: '" + text + "' (expected bb:dd.f, e.g. 01:00.1)");
        }
        try {
            return of(Integer.parseInt(t.substring(0, colon), 16), Integer.parseInt(t.substring(colon + 1, dot), 16),
                    Integer.parseInt(t.substring(dot + 1), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a BDF: '" + text + "' (expected hex bb:dd.f, e.g. 01:00.1)");
        }
    }
}
