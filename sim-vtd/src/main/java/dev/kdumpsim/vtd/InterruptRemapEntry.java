package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 128-bit interrupt-remapping table entry in remapped format (VT-d 5.1, 9.10), at IRTA + 16*index:
 * <pre>
 * lo: P[0]  FPD[1]  DM[2]  RH[3]  TM[4]  DLM[7:5]  AVAIL[11:8]  reserved[14:12]  IM[15]  V[23:16]
 *     reserved[31:24]  DST[63:32]  (xAPIC mode: DST[47:40] is the APIC ID, the rest reserved)
 * hi: SID[15:0]  SQ[17:16]  SVT[19:18]  reserved[63:20]
 * </pre>
 * IM=1 (posted format) needs CAP.PI, not modelled, so it counts as a reserved bit here.
 * SVT: 00b no source-id check; 01b verify the requester-id against SID, ignoring the low SQ-selected
 * function bits; 10b verify the requester's bus is in [SID[15:8], SID[7:0]] (Linux's
 * {@code set_irte_verify_bus}); 11b reserved.
 *
 * @param present P
 * @param faultProcessingDisable FPD
 * @param destinationMode DM: false physical, true logical
 * @param redirectionHint RH
 * @param triggerMode TM: false edge, true level
 * @param deliveryMode DLM
 * @param vector V
 * @param destinationId DST as written (x2APIC ID, or xAPIC ID already shifted to bits 15:8)
 * @param sourceId SID
 * @param sourceQualifier SQ
 * @param sourceValidationType SVT
 */
public record InterruptRemapEntry(boolean present, boolean faultProcessingDisable, boolean destinationMode,
        boolean redirectionHint, boolean triggerMode, int deliveryMode, int vector, int destinationId, int sourceId,
        int sourceQualifier, int sourceValidationType) {

    public static final int SIZE_BYTES = 16;
    public static final int SVT_NONE = 0;
    public static final int SVT_REQUESTER_ID = 1;
    public static final int SVT_BUS_RANGE = 2;
    static final long RESERVED_LO = 0xff00_f000L | (1L << 15);
    static final long RESERVED_LO_XAPIC = 0xffff_00ff_0000_0000L;
    static final long RESERVED_HI = ~0xfffffL;

    /** A present, edge-triggered, fixed-delivery entry that checks the full requester-id, as Linux's set_msi_sid. */
    public static InterruptRemapEntry msi(int vector, int destinationId, int requesterId) {
        return new InterruptRemapEntry(true, false, false, false, false, 0, vector, destinationId, requesterId, 0,
                SVT_REQUESTER_ID);
    }

    public long lo() {
        return (present ? 1L : 0) | (faultProcessingDisable ? 2L : 0) | (destinationMode ? 4L : 0)
                | (redirectionHint ? 8L : 0) | (triggerMode ? 16L : 0) | ((deliveryMode & 7L) << 5)
                | ((vector & 0xffL) << 16) | ((destinationId & 0xffffffffL) << 32);
    }

    public long hi() {
        return (sourceId & 0xffffL) | ((sourceQualifier & 3L) << 16) | ((sourceValidationType & 3L) << 18);
    }

    public void writeTo(PhysicalMemory mem, int agent, long table, int index) {
        long a = table + SIZE_BYTES * (long) (index & 0xffff);
        mem.writeLong(agent, a, lo());
        mem.writeLong(agent, a + 8, hi());
    }
}
