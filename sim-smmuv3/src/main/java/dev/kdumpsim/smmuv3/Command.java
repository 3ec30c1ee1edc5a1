package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * One 16-byte command queue entry (IHI0070 §4, field positions as Linux's {@code CMDQ_*} masks):
 * <pre>
 * dw0: opcode[7:0]  SSV[11]  SSID/CFGI_0_SSID[31:12]  SID[63:32] (PREFETCH, CFGI)
 *      TLBI: VMID[47:32]  ASID[63:48]
 *      SYNC: CS[13:12] (0 none, 1 IRQ, 2 SEV)  MSH[23:22]  MSIAttr[27:24]  MSIData[63:32]
 * dw1: CFGI_STE: Leaf[0]; CFGI_STE_RANGE: Range[4:0]; TLBI_*_VA: Leaf[0] Address[63:12];
 *      SYNC: MSIAddress[51:2]
 * </pre>
 */
public record Command(long dw0, long dw1) {

    public static final int SIZE_BYTES = 16;

    public static final int CMD_PREFETCH_CONFIG = 0x01;
    public static final int CMD_PREFETCH_ADDR = 0x02;
    public static final int CMD_CFGI_STE = 0x03;
    public static final int CMD_CFGI_STE_RANGE = 0x04;
    public static final int CMD_CFGI_CD = 0x05;
    public static final int CMD_CFGI_CD_ALL = 0x06;
    public static final int CMD_CFGI_VMS_PIDM = 0x07;
    public static final int CMD_TLBI_NH_ALL = 0x10;
    public static final int CMD_TLBI_NH_ASID = 0x11;
    public static final int CMD_TLBI_NH_VA = 0x12;
    public static final int CMD_TLBI_NH_VAA = 0x13;
    public static final int CMD_TLBI_EL3_ALL = 0x18;
    public static final int CMD_TLBI_EL3_VA = 0x1a;
    public static final int CMD_TLBI_EL2_ALL = 0x20;
    public static final int CMD_TLBI_EL2_ASID = 0x21;
    public static final int CMD_TLBI_EL2_VA = 0x22;
    public static final int CMD_TLBI_EL2_VAA = 0x23;
    public static final int CMD_TLBI_S12_VMALL = 0x28;
    public static final int CMD_TLBI_S2_IPA = 0x2a;
    public static final int CMD_TLBI_NSNH_ALL = 0x30;
    public static final int CMD_ATC_INV = 0x40;
    public static final int CMD_PRI_RESP = 0x41;
    public static final int CMD_RESUME = 0x44;
    public static final int CMD_STALL_TERM = 0x45;
    public static final int CMD_SYNC = 0x46;

    /** CMD_SYNC completion signal (§4.7.3 CS). */
    public static final int SYNC_CS_NONE = 0;
    public static final int SYNC_CS_IRQ = 1;
    public static final int SYNC_CS_SEV = 2;

    /** CFGI_STE_RANGE Range value that covers every StreamID: Linux's CMDQ_OP_CFGI_ALL. */
    public static final int RANGE_ALL = 31;

    public int opcode() {
        return (int) (dw0 & 0xff);
    }

    public int streamId() {
        return (int) (dw0 >>> 32);
    }

    public boolean leaf() {
        return (dw1 & 1) != 0;
    }

    public int range() {
        return (int) (dw1 & 0x1f);
    }

    public int asid() {
        return (int) (dw0 >>> 48);
    }

    public long address() {
        return dw1 & ~0xfffL;
    }

    public int syncCs() {
        return (int) ((dw0 >>> 12) & 3);
    }

    public int msiData() {
        return (int) (dw0 >>> 32);
    }

    public long msiAddress() {
        return dw1 & 0x000f_ffff_ffff_fffcL;
    }

    public static Command prefetchConfig(int sid) {
        return new Command(CMD_PREFETCH_CONFIG | sidField(sid), 0);
    }

    public static Command prefetchAddr(int sid, long address) {
        return new Command(CMD_PREFETCH_ADDR | sidField(sid), address & ~0xfffL);
    }

    public static Command cfgiSte(int sid, boolean leaf) {
        return new Command(CMD_CFGI_STE | sidField(sid), leaf ? 1 : 0);
    }

    /** Invalidates the 2^(range+1) StreamIDs aligned around {@code sid}. */
    public static Command cfgiSteRange(int sid, int range) {
        return new Command(CMD_CFGI_STE_RANGE | sidField(sid), range & 0x1f);
    }

    /** CMD_CFGI_ALL: CFGI_STE_RANGE with Range = 31 (§4.3.3; Linux {@code CMDQ_OP_CFGI_ALL}). */
    public static Command cfgiAll() {
        return cfgiSteRange(0, RANGE_ALL);
    }

    public static Command cfgiCd(int sid, int ssid, boolean leaf) {
        return new Command(CMD_CFGI_CD | ((ssid & 0xfffffL) << 12) | sidField(sid), leaf ? 1 : 0);
    }

    public static Command cfgiCdAll(int sid) {
        return new Command(CMD_CFGI_CD_ALL | sidField(sid), 0);
    }

    public static Command tlbiNhAll() {
        return new Command(CMD_TLBI_NH_ALL, 0);
    }

    public static Command tlbiNhAsid(int asid) {
        return new Command(CMD_TLBI_NH_ASID | ((asid & 0xffffL) << 48), 0);
    }

    public static Command tlbiNhVa(int asid, long va, boolean leaf) {
        return new Command(CMD_TLBI_NH_VA | ((asid & 0xffffL) << 48), (va & ~0xfffL) | (leaf ? 1 : 0));
    }

    public static Command tlbiEl2All() {
        return new Command(CMD_TLBI_EL2_ALL, 0);
    }

    public static Command tlbiNsnhAll() {
        return new Command(CMD_TLBI_NSNH_ALL, 0);
    }

    /** CMD_SYNC with no completion signal: software polls CMDQ_CONS. */
    public static Command sync() {
        return new Command(CMD_SYNC, 0);
    }

    /** CMD_SYNC that writes {@code msiData} (32 bits) to {@code msiAddress} on completion (CS=IRQ + MSI). */
    public static Command syncMsi(long msiAddress, int msiData) {
        return new Command(CMD_SYNC | ((long) SYNC_CS_IRQ << 12) | (3L << 22) | (0xfL << 24)
                | ((msiData & 0xffffffffL) << 32), msiAddress & 0x000f_ffff_ffff_fffcL);
    }

    public void writeTo(PhysicalMemory mem, int agent, long address) {
        mem.writeLong(agent, address, dw0);
        mem.writeLong(agent, address + 8, dw1);
    }

    private static long sidField(int sid) {
        return (sid & 0xffffffffL) << 32;
    }
}
