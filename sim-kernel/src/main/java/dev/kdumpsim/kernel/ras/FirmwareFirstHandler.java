package dev.kdumpsim.kernel.ras;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.pci.AerRegisters;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.ErrorMessageListener;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.aer.ErrorMessage;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.function.Consumer;

/**
 * Platform firmware that owns PCIe AER (firmware first: the HEST AER structures carry
 * FIRMWARE_FIRST, ACPI 6.3 §18.3.2.4, so the OS does not touch AER registers). The Root Ports'
 * error interrupts go to firmware (an SMI on x86, an EL3 RAS interrupt on arm64); for an
 * uncorrectable error Message firmware reads the source function's registers, writes one CPER PCIe
 * section into its GHES error status block, clears what it logged (the device's AER status and the
 * Root Error Status), and notifies the OS (ACPI 6.3 §18.3.2.7: GSIV, SEA, SDEI or polled). Which
 * severity the record carries is firmware policy ({@link CperSeverityPolicy}).
 *
 * <p>Firmware has one error status block per source. While the OS has not acknowledged the last
 * record (the block's Block Status is non-zero until {@code ghes_clear_estatus}), a new error has
 * nowhere to go: firmware drops it. Correctable Messages are not forwarded (the model's traffic
 * raises none).
 */
public final class FirmwareFirstHandler implements ErrorMessageListener {

    /** Firmware's handling time from the Message to the record (an SMI / EL3 handler); a model value. */
    static final long HANDLER_NS = 200_000;

    private final Simulation sim;
    private final RootComplex rc;
    private final int sourceId;
    private final CperSeverityPolicy severityPolicy;
    private CperPcieError pending;
    private Consumer<CperPcieError> os;
    private long records;
    private long dropped;

    /** Firmware for the GHES error source {@code sourceId} (the HEST entry's Source Id), reporting severities by {@code policy}. */
    public FirmwareFirstHandler(Simulation sim, RootComplex rc, int sourceId, CperSeverityPolicy policy) {
        this.sim = sim;
        this.rc = rc;
        this.sourceId = sourceId;
        this.severityPolicy = policy;
    }

    /**
     * Firmware's own setup at power-on: error reporting enabled in every function's Device Control
     * (CERE/NFERE/FERE/URRE) and the Root Ports' error interrupts, routed to firmware.
     */
    public void powerOn() {
        int bits = PciRegs.EXP_DEVCTL_ERR_REPORTING;
        for (var f : rc.endpointFunctions()) {
            int c = rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL, 2);
            rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL, 2, c | bits);
        }
        for (PcieBridge rp : rc.rootPorts()) {
            int cmd = rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_COMMAND, 4);
            rc.configWrite(rp.bdf(), PciRegs.ERR_ROOT_COMMAND, 4, cmd | PciRegs.ERR_ROOT_CMD_NONFATAL_EN
                    | PciRegs.ERR_ROOT_CMD_FATAL_EN);
        }
        rc.addErrorMessageListener(this);
    }

    /** The OS's GHES driver registers for notifications ({@code ghes_probe}); null unregisters (kexec, panic). */
    public void notifyTo(Consumer<CperPcieError> os) {
        this.os = os;
    }

    @Override
    public void onErrorMessage(PcieBridge rootPort, ErrorMessage message, int requesterId, boolean interruptEnabled) {
        if (message == ErrorMessage.ERR_COR || !interruptEnabled) {
            return;
        }
        sim.scheduleAfter(HANDLER_NS, x -> handle(rootPort, requesterId), 0);
    }

    private void handle(PcieBridge rootPort, int bdf) {
        int st = rc.configRead(rootPort.bdf(), PciRegs.ERR_ROOT_STATUS, 4);
        rc.configWrite(rootPort.bdf(), PciRegs.ERR_ROOT_STATUS, 4, st);
        AerRegisters aer = AerRegisters.read(rc, bdf);
        if (!aer.pending()) {
            return; // already handled with an earlier Message
        }
        rc.configWrite(bdf, PciRegs.ERR_UNCOR_STATUS, 4, aer.status());
        if (pending != null) {
            dropped++;
            return;
        }
        pending = record(bdf, aer);
        records++;
        if (os != null) {
            os.accept(pending);
        }
    }

    private CperPcieError record(int bdf, AerRegisters aer) {
        int flags = rc.configRead(bdf, PciRegs.EXP_FLAGS, 2);
        int classCode = rc.configRead(bdf, PciRegs.REVISION_ID, 4) >>> 8;
        boolean dsn = (rc.configRead(bdf, PciRegs.DSN_CAP, 4) & 0xffff) == PciRegs.EXT_CAP_ID_DSN;
        long serial = dsn ? (rc.configRead(bdf, PciRegs.DSN_LOWER, 4) & 0xffffffffL)
                | ((long) rc.configRead(bdf, PciRegs.DSN_UPPER, 4) << 32) : 0;
        CperSeverity sev = severityPolicy.severity(aer.firstErrorFatal());
        // "version": the PCI Express revision firmware says the device conforms to; 3.0 is a model
        // value (firmware fills it from its own tables, not from a register Linux could read)
        return new CperPcieError(sourceId, sev, (flags >> 4) & 0xf, 3, 0, rc.configRead(bdf, PciRegs.COMMAND, 2),
                rc.configRead(bdf, PciRegs.STATUS, 2), 0, bdf, 0, 0, aer.vendorId(), aer.deviceId(), classCode, dsn, serial,
                rc.configRead(bdf, PciRegs.ERR_COR_STATUS, 4), rc.configRead(bdf, PciRegs.ERR_COR_MASK, 4), aer);
    }

    /** The record waiting for the OS, or null. */
    public CperPcieError pending() {
        return pending;
    }

    /** The OS acknowledged the record ({@code ghes_clear_estatus}): the block is free again. */
    public void acknowledge() {
        pending = null;
    }

    public long records() {
        return records;
    }

    /** Errors firmware had no free error status block for. */
    public long dropped() {
        return dropped;
    }

    @Override
    public String toString() {
        return "firmware-first source " + sourceId + (pending == null ? "" : " pending " + Bdf.pciName(pending.bdf()));
    }
}
