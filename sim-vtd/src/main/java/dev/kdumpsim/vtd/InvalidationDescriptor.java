package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * One invalidation-queue descriptor (VT-d 6.5.2): 128 bits, or 256 bits when IQA_REG.DW=1 (the
 * upper 128 bits are then reserved for the descriptor types modelled here). Type is bits 3:0 with
 * bits 11:9 as its high part. Encodings, as Linux's {@code QI_*} macros:
 * <pre>
 * 1 context-cache (6.5.2.1):  qw0: G[5:4] DID[31:16] SID[47:32] FM[49:48]
 * 2 IOTLB (6.5.2.3):           qw0: G[5:4] DW[6] DR[7] DID[31:16]      qw1: AM[5:0] IH[6] ADDR[63:12]
 * 4 interrupt entry cache (6.5.2.7): qw0: G[4] (0 global, 1 index) IM[31:27] IIDX[47:32]
 * 5 invalidation wait (6.5.2.8): qw0: IF[4] SW[5] FN[6] PD[7] STATDATA[63:32]   qw1: STATADDR[63:2]
 * 6 PASID-based IOTLB (6.5.2.4), 7 PASID-cache (6.5.2.2): qw0: G[5:4] DID[31:16] PASID[51:32]
 * </pre>
 *
 * @param qw0 bits 63:0
 * @param qw1 bits 127:64
 */
public record InvalidationDescriptor(long qw0, long qw1) {

    public static final int TYPE_CONTEXT_CACHE = 1;
    public static final int TYPE_IOTLB = 2;
    public static final int TYPE_DEVICE_TLB = 3;
    public static final int TYPE_INTERRUPT_ENTRY_CACHE = 4;
    public static final int TYPE_WAIT = 5;
    public static final int TYPE_PASID_IOTLB = 6;
    public static final int TYPE_PASID_CACHE = 7;
    static final long WAIT_IF = 1L << 4;
    static final long WAIT_SW = 1L << 5;
    static final long WAIT_FN = 1L << 6;
    static final long CC_RESERVED = 0xfffc_0000_0000_ffc0L;
    static final long IOTLB_RESERVED_QW0 = 0xffff_ffff_0000_ff00L;
    static final long IOTLB_RESERVED_QW1 = 0xf80L;
    static final long WAIT_RESERVED_QW0 = 0xffff_ff80L;
    static final long WAIT_RESERVED_QW1 = 3L;

    public static InvalidationDescriptor contextGlobal() {
        return new InvalidationDescriptor(TYPE_CONTEXT_CACHE | ((long) VtdRegisters.CC_GLOBAL << 4), 0);
    }

    public static InvalidationDescriptor contextDomain(int did) {
        return new InvalidationDescriptor(TYPE_CONTEXT_CACHE | ((long) VtdRegisters.CC_DOMAIN << 4)
                | ((did & 0xffffL) << 16), 0);
    }

    /** Device-selective: {@code fm} masks the low 0..3 function bits of {@code sid} (Linux's QI_CC_FM). */
    public static InvalidationDescriptor contextDevice(int did, int sid, int fm) {
        return new InvalidationDescriptor(TYPE_CONTEXT_CACHE | ((long) VtdRegisters.CC_DEVICE << 4)
                | ((did & 0xffffL) << 16) | ((sid & 0xffffL) << 32) | ((fm & 3L) << 48), 0);
    }

    public static InvalidationDescriptor iotlbGlobal() {
        return new InvalidationDescriptor(TYPE_IOTLB | ((long) VtdRegisters.IOTLB_GLOBAL << 4), 0);
    }

    public static InvalidationDescriptor iotlbDomain(int did) {
        return new InvalidationDescriptor(TYPE_IOTLB | ((long) VtdRegisters.IOTLB_DOMAIN << 4)
                | ((did & 0xffffL) << 16), 0);
    }

    /** Page-selective: 2^{@code am} pages at {@code address} (aligned to that size). */
    public static InvalidationDescriptor iotlbPage(int did, long address, int am) {
        return new InvalidationDescriptor(TYPE_IOTLB | ((long) VtdRegisters.IOTLB_PAGE << 4)
                | ((did & 0xffffL) << 16), (address & ~0xfffL) | (am & 0x3fL));
    }

    public static InvalidationDescriptor interruptEntryCacheGlobal() {
        return new InvalidationDescriptor(TYPE_INTERRUPT_ENTRY_CACHE, 0);
    }

    /** Index-selective: 2^{@code im} entries from {@code index}. */
    public static InvalidationDescriptor interruptEntryCacheIndex(int index, int im) {
        return new InvalidationDescriptor(TYPE_INTERRUPT_ENTRY_CACHE | (1L << 4) | ((im & 0x1fL) << 27)
                | ((index & 0xffffL) << 32), 0);
    }

    /** Wait with status write of {@code statusData} at {@code statusAddress} (4-byte aligned), as Linux's qi_submit_sync. */
    public static InvalidationDescriptor waitWithStatus(long statusAddress, int statusData, boolean fence) {
        return new InvalidationDescriptor(TYPE_WAIT | WAIT_SW | (fence ? WAIT_FN : 0)
                | ((statusData & 0xffffffffL) << 32), statusAddress & ~3L);
    }

    /** Wait that sets ICS.IWC and raises the invalidation completion event. */
    public static InvalidationDescriptor waitWithInterrupt() {
        return new InvalidationDescriptor(TYPE_WAIT | WAIT_IF, 0);
    }

    /** PASID-cache invalidation; {@code granularity} 0 domain, 1 PASID-selective, 3 global (Linux's QI_PC_*). */
    public static InvalidationDescriptor pasidCache(int did, int pasid, int granularity) {
        return new InvalidationDescriptor(TYPE_PASID_CACHE | ((granularity & 3L) << 4) | ((did & 0xffffL) << 16)
                | ((pasid & 0xfffffL) << 32), 0);
    }

    /** Descriptor type, bits 11:9 then 3:0. */
    static int type(long qw0) {
        return (int) (((qw0 >>> 5) & 0x70) | (qw0 & 0xf));
    }

    /** Writes the descriptor at {@code address}; a 32-byte slot has its upper half zeroed. */
    public void writeTo(PhysicalMemory mem, int agent, long address, int descriptorBytes) {
        mem.writeLong(agent, address, qw0);
        mem.writeLong(agent, address + 8, qw1);
        if (descriptorBytes == 32) {
            mem.writeLong(agent, address + 16, 0);
            mem.writeLong(agent, address + 24, 0);
        }
    }
}
