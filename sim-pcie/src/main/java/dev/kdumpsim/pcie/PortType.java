package dev.kdumpsim.pcie;

import dev.kdumpsim.pcie.config.PciRegs;

/** Kinds of PCI-to-PCI bridge in a PCIe hierarchy (PCIe r4.0 §7.5.3.2 Device/Port Type). */
public enum PortType {
    ROOT_PORT(PciRegs.EXP_TYPE_ROOT_PORT),
    SWITCH_UPSTREAM(PciRegs.EXP_TYPE_UPSTREAM),
    SWITCH_DOWNSTREAM(PciRegs.EXP_TYPE_DOWNSTREAM);

    private final int expType;

    PortType(int expType) {
        this.expType = expType;
    }

    /** Device/Port Type value of the PCIe Capabilities register. */
    public int expType() {
        return expType;
    }
}
