package dev.kdumpsim.pcie.aer;

import dev.kdumpsim.pcie.config.ConfigSpace;
import dev.kdumpsim.pcie.config.PciRegs;

/**
 * The AER extended capability of one function, as register state in its {@link ConfigSpace}
 * (PCIe r4.0 §7.8.4), and the hardware side of logging an uncorrectable error (§6.2.4).
 *
 * <p>Logging rules modelled: the status bit is set even when masked; a masked error updates
 * neither First Error Pointer nor Header Log (§6.2.3.2.2). Without Multiple Header Recording,
 * FEP and the Header Log are written only when FEP does not already point at a status bit that
 * is still set, so the log holds the <em>first</em> unmasked error until software clears it
 * (§7.8.4.7). Status, mask, severity, FEP and the log are sticky (RW1CS/RWS/ROS) and survive FLR
 * and hot reset. DevSta error-detected bits follow severity (§7.5.3.5).
 */
public final class AerCapability {

    private AerCapability() {
    }

    /** Declares the AER registers in {@code cs} with the given power-on severity and spec-default masks. */
    public static void define(ConfigSpace cs, int defaultSeverity) {
        define(cs, defaultSeverity, 0, 0x00002000, 0);
    }

    /**
     * Declares the AER registers with the values firmware left: severity (§7.8.4.4), Uncorrectable
     * Mask (§7.8.4.3) and Correctable Mask (§7.8.4.6), all sticky; {@code nextCap} is the offset of
     * the next extended capability (0 for none).
     */
    public static void define(ConfigSpace cs, int severity, int uncorMask, int corMask, int nextCap) {
        cs.define(PciRegs.AER_CAP, 4, (nextCap << 20) | (2 << 16) | PciRegs.EXT_CAP_ID_ERR, 0, 0, 0);
        cs.define(PciRegs.ERR_UNCOR_STATUS, 4, 0, 0, 0xffffffff, 0xffffffff);
        cs.define(PciRegs.ERR_UNCOR_MASK, 4, uncorMask, 0xffffffff, 0, 0xffffffff);
        cs.define(PciRegs.ERR_UNCOR_SEVER, 4, severity, 0xffffffff, 0, 0xffffffff);
        cs.define(PciRegs.ERR_COR_STATUS, 4, 0, 0, 0xffffffff, 0xffffffff);
        cs.define(PciRegs.ERR_COR_MASK, 4, corMask, 0xffffffff, 0, 0xffffffff);
        cs.define(PciRegs.ERR_CAP, 4, 0, 0x00000140, 0, 0xffffffff);
        for (int i = 0; i < 4; i++) {
            cs.define(PciRegs.ERR_HEADER_LOG + 4 * i, 4, 0, 0, 0, 0xffffffff);
        }
    }

    /**
     * Hardware logs uncorrectable error {@code bit}; {@code dw0..dw3} is the TLP header for errors
     * that carry one ({@code withHeader}).
     *
     * @return true if this error became the first error (FEP and, if any, header log written)
     */
    public static boolean logUncorrectable(ConfigSpace cs, int bit, boolean withHeader, int dw0, int dw1, int dw2,
            int dw3) {
        int before = cs.read(PciRegs.ERR_UNCOR_STATUS, 4);
        cs.hwSet(PciRegs.ERR_UNCOR_STATUS, 4, 1 << bit);
        boolean fatal = (cs.read(PciRegs.ERR_UNCOR_SEVER, 4) & (1 << bit)) != 0;
        cs.hwSet(PciRegs.EXP_DEVSTA, 2, fatal ? 0x4 : 0x2);
        if (bit == PciRegs.UNC_UNSUP) {
            cs.hwSet(PciRegs.EXP_DEVSTA, 2, 0x8);
        }
        if ((cs.read(PciRegs.ERR_UNCOR_MASK, 4) & (1 << bit)) != 0) {
            return false;
        }
        int cap = cs.read(PciRegs.ERR_CAP, 4);
        int fep = cap & PciRegs.ERR_CAP_FEP_MASK;
        if ((before & (1 << fep)) != 0) {
            return false; // log locked on an earlier error software has not cleared
        }
        cs.hwPut(PciRegs.ERR_CAP, 4, (cap & ~PciRegs.ERR_CAP_FEP_MASK) | bit);
        if (withHeader) {
            cs.hwPut(PciRegs.ERR_HEADER_LOG, 4, dw0);
            cs.hwPut(PciRegs.ERR_HEADER_LOG + 4, 4, dw1);
            cs.hwPut(PciRegs.ERR_HEADER_LOG + 8, 4, dw2);
            cs.hwPut(PciRegs.ERR_HEADER_LOG + 12, 4, dw3);
        }
        return true;
    }

    /** The four header-log DWs as Linux prints them ({@code %08x %08x %08x %08x}). */
    public static int[] headerLog(ConfigSpace cs) {
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            r[i] = cs.read(PciRegs.ERR_HEADER_LOG + 4 * i, 4);
        }
        return r;
    }
}
