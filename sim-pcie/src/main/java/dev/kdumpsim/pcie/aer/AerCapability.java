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
 *
 * <p>Signalling (PCIe r5.0 §6.2.5, §6.2.6 flowchart): an unmasked uncorrectable error is sent
 * upstream as ERR_FATAL or ERR_NONFATAL per its severity bit when DevCtl Fatal/Non-Fatal
 * Reporting Enable or Command SERR# Enable allows it; an Unsupported Request additionally needs
 * DevCtl UR Reporting Enable. An unmasked correctable error is sent as ERR_COR when DevCtl
 * Correctable Reporting Enable is set. A Root Port records the Messages it receives in Root
 * Error Status and Error Source Identification (§7.8.4.10, §7.8.4.11). Not modelled: Advisory
 * Non-Fatal errors (§6.2.3.2.4), Multiple Header Recording, TLP Prefix Log.
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
     * Declares the Root Port registers of the capability: Root Error Command (RW, §7.8.4.9), Root
     * Error Status (RW1CS bits 6:0, Advanced Error Interrupt Message Number 0, §7.8.4.10) and
     * Error Source Identification (ROS, §7.8.4.11).
     */
    public static void defineRootPort(ConfigSpace cs) {
        cs.define(PciRegs.ERR_ROOT_COMMAND, 4, 0, 0x7, 0, 0);
        cs.define(PciRegs.ERR_ROOT_STATUS, 4, 0, 0, 0x7f, 0x7f);
        cs.define(PciRegs.ERR_ROOT_ERR_SRC, 4, 0, 0, 0, 0xffffffff);
    }

    /**
     * The Message a just-logged uncorrectable error {@code bit} sends upstream, or null when it is
     * masked or its reporting is not enabled (§6.2.5).
     */
    public static ErrorMessage uncorrectableMessage(ConfigSpace cs, int bit) {
        if ((cs.read(PciRegs.ERR_UNCOR_MASK, 4) & (1 << bit)) != 0) {
            return null;
        }
        int devctl = cs.read(PciRegs.EXP_DEVCTL, 2);
        if (bit == PciRegs.UNC_UNSUP && (devctl & PciRegs.EXP_DEVCTL_URRE) == 0) {
            return null;
        }
        boolean serr = (cs.read(PciRegs.COMMAND, 2) & PciRegs.COMMAND_SERR) != 0;
        if ((cs.read(PciRegs.ERR_UNCOR_SEVER, 4) & (1 << bit)) != 0) {
            return serr || (devctl & PciRegs.EXP_DEVCTL_FERE) != 0 ? ErrorMessage.ERR_FATAL : null;
        }
        return serr || (devctl & PciRegs.EXP_DEVCTL_NFERE) != 0 ? ErrorMessage.ERR_NONFATAL : null;
    }

    /**
     * Hardware logs correctable error {@code bit} (Correctable Error Status, RW1CS, §7.8.4.5; DevSta
     * Correctable Error Detected regardless of the mask, §7.5.3.5).
     *
     * @return ERR_COR if the error is to be signalled (unmasked and DevCtl Correctable Reporting
     *     Enable set), else null
     */
    public static ErrorMessage logCorrectable(ConfigSpace cs, int bit) {
        cs.hwSet(PciRegs.ERR_COR_STATUS, 4, 1 << bit);
        cs.hwSet(PciRegs.EXP_DEVSTA, 2, 0x1);
        if ((cs.read(PciRegs.ERR_COR_MASK, 4) & (1 << bit)) != 0) {
            return null;
        }
        return (cs.read(PciRegs.EXP_DEVCTL, 2) & PciRegs.EXP_DEVCTL_CERE) != 0 ? ErrorMessage.ERR_COR : null;
    }

    /**
     * A Root Port records a received Message (§7.8.4.10, §7.8.4.11): the first of each kind since
     * software cleared the status sets "Received" and captures the source; later ones set
     * "Multiple". First Uncorrectable Fatal tells whether the first uncorrectable one was fatal.
     */
    public static void recordRootErrorMessage(ConfigSpace cs, ErrorMessage m, int requesterId) {
        int st = cs.read(PciRegs.ERR_ROOT_STATUS, 4);
        int src = cs.read(PciRegs.ERR_ROOT_ERR_SRC, 4);
        if (m == ErrorMessage.ERR_COR) {
            if ((st & PciRegs.ERR_ROOT_COR_RCV) != 0) {
                st |= PciRegs.ERR_ROOT_MULTI_COR_RCV;
            } else {
                st |= PciRegs.ERR_ROOT_COR_RCV;
                src = (src & 0xffff0000) | (requesterId & 0xffff);
            }
        } else {
            if ((st & PciRegs.ERR_ROOT_UNCOR_RCV) != 0) {
                st |= PciRegs.ERR_ROOT_MULTI_UNCOR_RCV;
            } else {
                st |= PciRegs.ERR_ROOT_UNCOR_RCV | (m == ErrorMessage.ERR_FATAL ? PciRegs.ERR_ROOT_FIRST_FATAL : 0);
                src = (src & 0xffff) | ((requesterId & 0xffff) << 16);
            }
            st |= m == ErrorMessage.ERR_FATAL ? PciRegs.ERR_ROOT_FATAL_RCV : PciRegs.ERR_ROOT_NONFATAL_RCV;
        }
        cs.hwPut(PciRegs.ERR_ROOT_STATUS, 4, st);
        cs.hwPut(PciRegs.ERR_ROOT_ERR_SRC, 4, src);
    }

    /** Whether Root Error Command enables the interrupt for {@code m} (§7.8.4.9). */
    public static boolean rootInterruptEnabled(ConfigSpace cs, ErrorMessage m) {
        int cmd = cs.read(PciRegs.ERR_ROOT_COMMAND, 4);
        int bit = m == ErrorMessage.ERR_COR ? PciRegs.ERR_ROOT_CMD_COR_EN
                : m == ErrorMessage.ERR_NONFATAL ? PciRegs.ERR_ROOT_CMD_NONFATAL_EN : PciRegs.ERR_ROOT_CMD_FATAL_EN;
        return (cmd & bit) != 0;
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
