package dev.kdumpsim.pcie;

import dev.kdumpsim.pcie.aer.AerCapability;
import dev.kdumpsim.pcie.aer.ErrorMessage;

import dev.kdumpsim.pcie.config.ConfigSpace;
import dev.kdumpsim.pcie.config.PciRegs;

/**
 * Anything with a BDF and a configuration space: an endpoint function or a bridge (root port,
 * switch port). Config accesses come from the root complex's config routing
 * ({@link RootComplex#configRead}); a function that is in reset answers reads with all ones and
 * drops writes (PCIe r4.0 §6.6.2: "may silently discard requests while the FLR is in progress";
 * Linux treats ~0 as "not ready", drivers/pci/pci.c pci_dev_wait()).
 */
public abstract class PcieFunction {

    protected final RootComplex rc;
    protected final int bdf;
    protected final ConfigSpace config = new ConfigSpace();

    protected PcieFunction(RootComplex rc, int bdf) {
        this.rc = rc;
        this.bdf = bdf;
    }

    /** Requester ID / BDF. */
    public int bdf() {
        return bdf;
    }

    /** "bb:dd.f". */
    public String name() {
        return Bdf.format(bdf);
    }

    /** Where this function's own error Messages go (an endpoint's upstream port; a Root Port itself). */
    protected abstract void signal(ErrorMessage m);

    /**
     * Hardware logs uncorrectable error {@code bit} in this function's AER (PCIe r5.0 §6.2.4) and,
     * if it is unmasked and reporting is enabled, signals ERR_FATAL/ERR_NONFATAL (§6.2.5). Each
     * function of a multi-function device that logs a non-function-specific error signals it by its
     * own enables (model choice).
     */
    void logUncorrectable(int bit, boolean withHeader, int dw0, int dw1, int dw2, int dw3) {
        AerCapability.logUncorrectable(config, bit, withHeader, dw0, dw1, dw2, dw3);
        ErrorMessage m = AerCapability.uncorrectableMessage(config, bit);
        if (m != null) {
            signal(m);
        }
    }

    /**
     * The function detects uncorrectable error {@code bit} (PCIe r5.0 §7.8.4.2) with no TLP to log:
     * logged, and signalled as ERR_NONFATAL or ERR_FATAL by its severity if unmasked and enabled.
     * Like {@code aer-inject} (drivers/pci/pcie/aer_inject.c), for scenarios and tests that inject
     * errors the model's own traffic does not raise.
     */
    public void detectUncorrectableError(int bit) {
        if (bit < 0 || bit > 31) {
            throw new IllegalArgumentException("uncorrectable error bit 0-31, got " + bit);
        }
        logUncorrectable(bit, false, 0, 0, 0, 0);
    }

    /**
     * The function detects correctable error {@code bit} (e.g. 6 Bad TLP, 12 Replay Timer Timeout,
     * PCIe r5.0 §7.8.4.5): logged in Correctable Error Status and, if unmasked and DevCtl
     * Correctable Reporting Enable is set, signalled as ERR_COR. The model's own traffic raises no
     * correctable errors; this is for scenarios and tests that inject them.
     */
    public void detectCorrectableError(int bit) {
        if (bit < 0 || bit > 31) {
            throw new IllegalArgumentException("correctable error bit 0-31, got " + bit);
        }
        ErrorMessage m = AerCapability.logCorrectable(config, bit);
        if (m != null) {
            signal(m);
        }
    }

    /** Whether the function answers config requests (not in FLR, not below a down link). */
    public abstract boolean isReady();

    /** Config read as the bus delivers it (all ones while not ready). */
    public int configRead(int offset, int size) {
        if (!isReady()) {
            return size == 4 ? 0xffffffff : (1 << (8 * size)) - 1;
        }
        refreshDynamicRegisters();
        return config.read(offset, size);
    }

    /** Config write as the bus delivers it (dropped while not ready). */
    public void configWrite(int offset, int size, int value) {
        if (!isReady()) {
            return;
        }
        int oldCommand = config.read(PciRegs.COMMAND, 2);
        int oldBridgeControl = config.read(PciRegs.BRIDGE_CONTROL, 2);
        config.write(offset, size, value);
        int devctl = writtenWord(offset, size, value, PciRegs.EXP_DEVCTL);
        afterConfigWrite(oldCommand, config.read(PciRegs.COMMAND, 2), oldBridgeControl,
                config.read(PciRegs.BRIDGE_CONTROL, 2), devctl);
    }

    /** Register view for tests and reports, bypassing readiness (no side effects). */
    public ConfigSpace configSpace() {
        return config;
    }

    /** Whether Bus Master Enable is set. */
    public boolean busMasterEnabled() {
        return (config.read(PciRegs.COMMAND, 2) & PciRegs.COMMAND_MASTER) != 0;
    }

    /** Updates registers that mirror live state (e.g. Transactions Pending) before a read. */
    protected void refreshDynamicRegisters() {
    }

    /**
     * Side effects of a config write.
     *
     * @param devctlWritten the DevCtl value written, or -1 if DevCtl was not written
     */
    protected abstract void afterConfigWrite(int oldCommand, int newCommand, int oldBridgeControl, int newBridgeControl,
            int devctlWritten);

    /** Declares the registers every function has: IDs, Command, Status, header type, cap pointer, PCIe cap. */
    protected void defineCommonHeader(int vendorId, int deviceId, int headerType, int portType, int devcap) {
        config.define(PciRegs.VENDOR_ID, 2, vendorId, 0, 0, 0);
        config.define(PciRegs.DEVICE_ID, 2, deviceId, 0, 0, 0);
        config.define(PciRegs.COMMAND, 2, 0, PciRegs.COMMAND_IO | PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER
                | PciRegs.COMMAND_PARITY | PciRegs.COMMAND_SERR | PciRegs.COMMAND_INTX_DISABLE, 0, 0);
        config.define(PciRegs.STATUS, 2, PciRegs.STATUS_CAP_LIST, 0, 0xf900, 0);
        config.define(PciRegs.HEADER_TYPE, 1, headerType, 0, 0, 0);
        config.define(PciRegs.CAPABILITY_LIST, 1, PciRegs.EXP_CAP, 0, 0, 0);
        config.define(PciRegs.EXP_CAP, 2, PciRegs.CAP_ID_EXP, 0, 0, 0);
        config.define(PciRegs.EXP_FLAGS, 2, 2 | (portType << 4), 0, 0, 0);
        config.define(PciRegs.EXP_DEVCAP, 4, devcap, 0, 0, 0);
        // DevCtl: bit 15 (Initiate FLR) always reads 0, so it is not a stored RW bit
        config.define(PciRegs.EXP_DEVCTL, 2, 0x2810, 0x7fff, 0, 0);
        // DevSta: error-detected bits 0-3 RW1C; Transactions Pending (bit 5) mirrors live state
        config.define(PciRegs.EXP_DEVSTA, 2, 0, 0, 0x000f, 0);
    }

    static int writtenWord(int offset, int size, int value, int regOffset) {
        if (offset <= regOffset && offset + size >= regOffset + 2) {
            return (value >>> (8 * (regOffset - offset))) & 0xffff;
        }
        if (size == 1 && offset == regOffset + 1) {
            return (value & 0xff) << 8;
        }
        return -1;
    }
}
