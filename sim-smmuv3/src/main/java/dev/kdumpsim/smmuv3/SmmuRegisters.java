package dev.kdumpsim.smmuv3;

/**
 * Register offsets and field bits of the Non-secure SMMUv3 programming interface, by their spec
 * names (IHI0070 §6.2 register map, §6.3 descriptions; the same values as Linux's
 * {@code arm-smmu-v3.h} {@code ARM_SMMU_*}). Offsets are from the base of SMMUv3_PAGE_0; page 1
 * starts at {@link #PAGE1}.
 */
public final class SmmuRegisters {

    private SmmuRegisters() {
    }

    public static final long IDR0 = 0x00;
    public static final long IDR1 = 0x04;
    public static final long IDR2 = 0x08;
    public static final long IDR3 = 0x0c;
    public static final long IDR4 = 0x10;
    public static final long IDR5 = 0x14;
    public static final long IIDR = 0x18;
    public static final long AIDR = 0x1c;
    public static final long CR0 = 0x20;
    public static final long CR0ACK = 0x24;
    public static final long CR1 = 0x28;
    public static final long CR2 = 0x2c;
    public static final long STATUSR = 0x40;
    public static final long GBPA = 0x44;
    public static final long IRQ_CTRL = 0x50;
    public static final long IRQ_CTRLACK = 0x54;
    public static final long GERROR = 0x60;
    public static final long GERRORN = 0x64;
    public static final long GERROR_IRQ_CFG0 = 0x68;
    public static final long STRTAB_BASE = 0x80;
    public static final long STRTAB_BASE_CFG = 0x88;
    public static final long CMDQ_BASE = 0x90;
    public static final long CMDQ_PROD = 0x98;
    public static final long CMDQ_CONS = 0x9c;
    public static final long EVENTQ_BASE = 0xa0;
    public static final long EVENTQ_IRQ_CFG0 = 0xb0;
    /** Start of SMMUv3_PAGE_1 (64 KiB register pages, §6.2). */
    public static final long PAGE1 = 0x10000;
    /** SMMU_EVENTQ_PROD lives in page 1 (§6.3.28); Linux: {@code smmu->page1 + ARM_SMMU_EVTQ_PROD}. */
    public static final long EVENTQ_PROD = PAGE1 + 0xa8;
    public static final long EVENTQ_CONS = PAGE1 + 0xac;

    // CR0 / CR0ACK (§6.3.9)
    public static final int CR0_SMMUEN = 1;
    public static final int CR0_PRIQEN = 1 << 1;
    public static final int CR0_EVENTQEN = 1 << 2;
    public static final int CR0_CMDQEN = 1 << 3;
    public static final int CR0_ATSCHK = 1 << 4;
    /** Bits of CR0 this implementation holds (VMW[8:6] is RES0 without IDR0.VMW). */
    static final int CR0_IMPLEMENTED = 0x1f;

    // CR2 (§6.3.12)
    public static final int CR2_E2H = 1;
    public static final int CR2_RECINVSID = 1 << 1;
    public static final int CR2_PTM = 1 << 2;

    // GBPA (§6.3.14)
    public static final int GBPA_UPDATE = 1 << 31;
    public static final int GBPA_ABORT = 1 << 20;
    /** QEMU's reset value {@code SMMU_GBPA_RESET_VAL}: SHCFG = 0b01 (use incoming), ABORT = 0. */
    public static final int GBPA_SHCFG_INCOMING = 1 << 12;
    /** Writable GBPA fields: ABORT, INSTCFG, PRIVCFG, SHCFG, ALLOCCFG, MTCFG, MemAttr. */
    static final int GBPA_FIELDS = GBPA_ABORT | (3 << 18) | (3 << 16) | (3 << 12) | (0xf << 8) | (1 << 4) | 0xf;

    // IRQ_CTRL (§6.3.16)
    public static final int IRQ_CTRL_GERROR_IRQEN = 1;
    public static final int IRQ_CTRL_PRIQ_IRQEN = 1 << 1;
    public static final int IRQ_CTRL_EVENTQ_IRQEN = 1 << 2;

    // GERROR / GERRORN (§6.3.18): an error is active while the GERROR bit differs from GERRORN.
    public static final int GERROR_CMDQ_ERR = 1;
    public static final int GERROR_EVENTQ_ABT_ERR = 1 << 2;
    public static final int GERROR_PRIQ_ABT_ERR = 1 << 3;
    public static final int GERROR_SFM_ERR = 1 << 8;
    static final int GERROR_IMPLEMENTED = 0x1fd;

    // STRTAB_BASE (§6.3.24) and STRTAB_BASE_CFG (§6.3.25)
    public static final long STRTAB_BASE_RA = 1L << 62;
    public static final long STRTAB_BASE_ADDR_MASK = ((1L << 56) - 1) & ~0x3fL; // ADDR[55:6]
    public static final int STRTAB_BASE_CFG_FMT_LINEAR = 0;
    public static final int STRTAB_BASE_CFG_FMT_2LVL = 1;

    /** STRTAB_BASE_CFG value: FMT[17:16], SPLIT[10:6], LOG2SIZE[5:0]. */
    public static int strtabBaseCfg(int fmt, int split, int log2size) {
        return (fmt << 16) | (split << 6) | log2size;
    }

    // Queue bases (§6.3.26 CMDQ_BASE, §6.3.29 EVENTQ_BASE): RA/WA[62], ADDR[55:5], LOG2SIZE[4:0]
    public static final long Q_BASE_ADDR_MASK = ((1L << 56) - 1) & ~0x1fL;
    public static final int Q_LOG2SIZE_MASK = 0x1f;

    /** A queue base register value. */
    public static long queueBase(long address, int log2size) {
        return (address & Q_BASE_ADDR_MASK) | log2size;
    }

    // Queue PROD/CONS (§6.3.27, §6.3.28, §7.4)
    public static final int Q_OVERFLOW_FLAG = 1 << 31;
    /** CMDQ_CONS.ERR[30:24] (§6.3.27, §4.1.4 "Command errors"). */
    public static final int CMDQ_CONS_ERR_SHIFT = 24;
    public static final int CMDQ_CONS_ERR_MASK = 0x7f << CMDQ_CONS_ERR_SHIFT;
    public static final int CERROR_NONE = 0;
    public static final int CERROR_ILL = 1;
    public static final int CERROR_ABT = 2;
    public static final int CERROR_ATC_INV_SYNC = 3;
}
