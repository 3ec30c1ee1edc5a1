package dev.kdumpsim.kernel.version;


/**
 * How a release runs PCI error recovery and what it prints at the console's levels (KERN_DEBUG
 * lines are not printed). Read in the sources at 4.14.5 (drivers/pci/pcie/aer/aerdrv_core.c
 * {@code do_recovery}), 4.19.1 (drivers/pci/pcie/err.c {@code pcie_do_nonfatal_recovery} /
 * {@code pcie_do_fatal_recovery}), 5.7.14 and 6.8.0 ({@code pcie_do_recovery}).
 */
public enum AerRecoveryFormat {
    /**
     * 4.14 {@code do_recovery}: the callbacks reach every device on the source endpoint's bus;
     * fatal: error_detected, then {@code reset_link}, the votes kept; "AER: Device recovery
     * successful/failed" on the source ({@code dev_info}); the link reset's line is KERN_DEBUG.
     */
    V4_14,
    /**
     * 4.19: non-fatal recovery calls the source endpoint's callbacks only; a fatal error goes to
     * {@code pcie_do_fatal_recovery}, which calls no callbacks: every device below the port is
     * removed (its driver's remove), the link reset, the bus rescanned (drivers probe again), and
     * "Device recovery from fatal error successful/failed" printed on the source.
     */
    V4_19,
    /**
     * 5.7 {@code pcie_do_recovery}: one path, run on every device below the port above the source;
     * for io_frozen the link reset's result replaces the drivers' votes (only resume follows);
     * "AER: can't recover (no error_detected callback)" for a device without the callback; "AER:
     * Root Port link has been reset"; "AER: device recovery successful/failed" on the port.
     */
    V5_7,
    /** 5.12 ("PCI/ERR: Retain status from error notification"): the votes survive the link reset. */
    V5_12,
    /** 6.8: "AER: Root Port link has been reset (0)" / "AER: Downstream Port link has been reset (0)". */
    V6_8;

    /**
     * Whether the callbacks reach the source endpoint alone (4.19 {@code pcie_do_nonfatal_recovery});
     * every other release walks the bus below the port above it (4.14's {@code dev->bus} is that bus).
     */
    public boolean callsSourceAlone() {
        return this == V4_19;
    }

    /** Whether the lines are 5.7's and later, printed on the port with "AER: " and in lower case. */
    private boolean onPort() {
        return this != V4_14 && this != V4_19;
    }

    /** 4.19's fatal path: remove, reset the link, rescan; no driver callbacks. */
    public boolean removesOnFatal() {
        return this == V4_19;
    }

    /** Whether the link reset's result replaces the drivers' error_detected votes (5.7 to 5.11). */
    public boolean linkResetOverridesVotes() {
        return this == V5_7;
    }

    /** Whether the result lines are printed on the port (5.7 on) rather than on the source device. */
    public boolean reportsOnPort() {
        return onPort();
    }

    public String successfulLine() {
        return onPort() ? "AER: device recovery successful\n" : "AER: Device recovery successful\n";
    }

    public String failedLine() {
        return onPort() ? "AER: device recovery failed\n" : "AER: Device recovery failed\n";
    }

    /** 4.19 {@code pcie_do_fatal_recovery}'s result line (no "AER: ": 4.19 has no dev_fmt). */
    public String fatalRecoveryLine(boolean ok) {
        return ok ? "Device recovery from fatal error successful\n" : "Device recovery from fatal error failed\n";
    }

    /** The port's line when the link reset failed ({@code pci_warn}), or null (KERN_DEBUG before 5.7). */
    public String linkResetFailedLine() {
        return switch (this) {
            case V4_14, V4_19 -> null;
            case V5_7 -> "AER: link reset failed\n";
            default -> "AER: subordinate device reset failed\n";
        };
    }

    /**
     * The line for a device whose driver has no error_detected, or null: before 5.7 the "device
     * has no AER-aware driver" / "no driver" line is KERN_DEBUG.
     */
    public String noErrorDetectedLine() {
        return onPort() ? "AER: can't recover (no error_detected callback)\n" : null;
    }

    /**
     * {@code aer_root_reset}'s line, or null when it is KERN_DEBUG (4.14, 4.19). {@code rootPort}:
     * the port is a Root Port, else a switch Downstream Port (5.7 says "Root Port" for both).
     */
    public String linkResetLine(boolean rootPort) {
        return switch (this) {
            case V4_14, V4_19 -> null;
            case V5_7, V5_12 -> "AER: Root Port link has been reset\n";
            case V6_8 -> "AER: " + (rootPort ? "Root" : "Downstream") + " Port link has been reset (0)\n";
        };
    }
}
