package dev.kdumpsim.vtd;

/**
 * Register offsets and fields of one DMA-remapping hardware unit, as the Intel VT-d
 * specification (rev 3.x-5.x, chapter 10.4 "Register Descriptions") lays them out and as Linux's
 * {@code drivers/iommu/intel/iommu.h} names them ({@code DMAR_*_REG}, {@code DMA_GCMD_*} ...).
 *
 * <p>The fault recording registers and the IOTLB registers have no fixed offset: CAP_REG.FRO and
 * ECAP_REG.IRO give them (10.4.2, 10.4.3); {@link VtdParameters} chooses where.
 */
public final class VtdRegisters {

    private VtdRegisters() {
    }

    // ---- offsets (10.4) ------------------------------------------------------------------------
    public static final int VER_REG = 0x00;     // 32-bit, 10.4.1
    public static final int CAP_REG = 0x08;     // 64-bit, 10.4.2
    public static final int ECAP_REG = 0x10;    // 64-bit, 10.4.3
    public static final int GCMD_REG = 0x18;    // 32-bit, WO, 10.4.4
    public static final int GSTS_REG = 0x1c;    // 32-bit, RO, 10.4.5
    public static final int RTADDR_REG = 0x20;  // 64-bit, 10.4.6
    public static final int CCMD_REG = 0x28;    // 64-bit, 10.4.7
    public static final int FSTS_REG = 0x34;    // 32-bit, 10.4.9
    public static final int FECTL_REG = 0x38;   // 32-bit, 10.4.10
    public static final int FEDATA_REG = 0x3c;  // 32-bit, 10.4.11
    public static final int FEADDR_REG = 0x40;  // 32-bit, 10.4.12
    public static final int FEUADDR_REG = 0x44; // 32-bit, 10.4.13
    public static final int IQH_REG = 0x80;     // 64-bit, RO, 10.4.22
    public static final int IQT_REG = 0x88;     // 64-bit, 10.4.23
    public static final int IQA_REG = 0x90;     // 64-bit, 10.4.24
    public static final int ICS_REG = 0x9c;     // 32-bit, 10.4.25
    public static final int IECTL_REG = 0xa0;   // 32-bit, 10.4.26
    public static final int IEDATA_REG = 0xa4;
    public static final int IEADDR_REG = 0xa8;
    public static final int IEUADDR_REG = 0xac;
    public static final int IRTA_REG = 0xb8;    // 64-bit, 10.4.30

    /** ECAP_REG.IR: interrupt remapping supported (10.4.3). */
    public static final long ECAP_IR = 1L << 3;

    /** IVA_REG is at ECAP.IRO*16, IOTLB_REG 8 bytes above it (10.4.8.1, 10.4.8.2). */
    public static final int IOTLB_REG_FROM_IVA = 8;
    /** Each fault recording register is 128 bits (10.4.14). */
    public static final int FRCD_REG_SIZE = 16;

    // ---- GCMD_REG / GSTS_REG (10.4.4, 10.4.5): same bit for command and status --------------------
    public static final int GCMD_TE = 1 << 31;
    public static final int GCMD_SRTP = 1 << 30;
    public static final int GCMD_SFL = 1 << 29;
    public static final int GCMD_EAFL = 1 << 28;
    public static final int GCMD_WBF = 1 << 27;
    public static final int GCMD_QIE = 1 << 26;
    public static final int GCMD_IRE = 1 << 25;
    public static final int GCMD_SIRTP = 1 << 24;
    public static final int GCMD_CFI = 1 << 23;
    public static final int GSTS_TES = GCMD_TE;
    public static final int GSTS_RTPS = GCMD_SRTP;
    public static final int GSTS_QIES = GCMD_QIE;
    public static final int GSTS_IRES = GCMD_IRE;
    public static final int GSTS_IRTPS = GCMD_SIRTP;
    public static final int GSTS_CFIS = GCMD_CFI;
    /** Commands whose written value is the new state (TE, QIE, IRE, CFI); the others are one-shot. */
    static final int GCMD_LEVEL_BITS = GCMD_TE | GCMD_QIE | GCMD_IRE | GCMD_CFI;

    // ---- RTADDR_REG (10.4.6) ------------------------------------------------------------------
    public static final long RTADDR_RTA_MASK = ~0xfffL;
    public static final int RTADDR_TTM_SHIFT = 10;
    /** TTM 00b: legacy root and context tables (3.4.2). */
    public static final int TTM_LEGACY = 0;
    /** TTM 01b: scalable-mode root and context tables (3.4.3); Linux's DMA_RTADDR_SMT. */
    public static final int TTM_SCALABLE = 1;

    // ---- CCMD_REG (10.4.7) ------------------------------------------------------------------------
    public static final long CCMD_ICC = 1L << 63;
    public static final int CCMD_CIRG_SHIFT = 61;
    public static final int CCMD_CAIG_SHIFT = 59;
    public static final int CCMD_FM_SHIFT = 32;
    public static final int CCMD_SID_SHIFT = 16;
    /** Invalidation granularities shared by CCMD.CIRG and the context-cache descriptor's G (6.5.2.1). */
    public static final int CC_GLOBAL = 1;
    public static final int CC_DOMAIN = 2;
    public static final int CC_DEVICE = 3;

    // ---- IOTLB_REG / IVA_REG (10.4.8) ---------------------------------------------------------------
    public static final long IOTLB_IVT = 1L << 63;
    public static final int IOTLB_IIRG_SHIFT = 60;
    public static final int IOTLB_IAIG_SHIFT = 57;
    public static final int IOTLB_DID_SHIFT = 32;
    /** IOTLB invalidation granularities (10.4.8.1, 6.5.2.3). */
    public static final int IOTLB_GLOBAL = 1;
    public static final int IOTLB_DOMAIN = 2;
    public static final int IOTLB_PAGE = 3;

    // ---- FSTS_REG (10.4.9), FECTL_REG (10.4.10) -------------------------------------------------------
    public static final int FSTS_PFO = 1;
    public static final int FSTS_PPF = 1 << 1;
    public static final int FSTS_IQE = 1 << 4;
    public static final int FSTS_ICE = 1 << 5;
    public static final int FSTS_ITE = 1 << 6;
    public static final int FSTS_FRI_SHIFT = 8;
    public static final int FECTL_IM = 1 << 31;
    public static final int FECTL_IP = 1 << 30;
    public static final int ICS_IWC = 1;
    public static final int IECTL_IM = FECTL_IM;
    public static final int IECTL_IP = FECTL_IP;

    // ---- FRCD_REG (10.4.14): upper 64 bits -------------------------------------------------------------
    public static final long FRCD_F = 1L << 63;
    public static final long FRCD_T = 1L << 62;
    public static final int FRCD_FR_SHIFT = 32;
    public static final long FRCD_PP = 1L << 31;
    public static final int FRCD_PV_SHIFT = 40;

    // ---- IQA_REG (10.4.24), IQT/IQH (10.4.22-23) ------------------------------------------------------
    public static final long IQA_ADDR_MASK = ~0xfffL;
    /** DW: 1 = 256-bit descriptors (only with ECAP.SMTS). */
    public static final long IQA_DW = 1L << 11;
    public static final long IQA_QS_MASK = 7;
    public static final long IQ_OFFSET_MASK = 0x7fff0L;

    // ---- IRTA_REG (10.4.30) ---------------------------------------------------------------------------
    public static final long IRTA_ADDR_MASK = ~0xfffL;
    public static final long IRTA_EIME = 1L << 11;
    public static final long IRTA_S_MASK = 0xf;

    /** Source-id of PCI bus/device/function, as a DMA request carries it (3.4.1). */
    public static int sourceId(int bus, int device, int function) {
        return ((bus & 0xff) << 8) | ((device & 0x1f) << 3) | (function & 7);
    }
}
