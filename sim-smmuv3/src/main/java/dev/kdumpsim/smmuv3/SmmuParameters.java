package dev.kdumpsim.smmuv3;

/**
 * Build-time parameters of one SMMUv3 instance: what its ID registers advertise and how long its
 * register handshakes and commands take.
 *
 * <p>The defaults describe the SMMU of the 2018 report (Qualcomm Centriq-class server): Linux's
 * {@code arm_smmu_device_hw_probe} computes {@code features 0x00001fef} from {@link #idr0()} and
 * prints "ias 44-bit, oas 44-bit" (v4.16 arm_smmu_device_hw_probe). Register bit positions follow IHI0070
 * §6.3.1 (IDR0), §6.3.2 (IDR1), §6.3.6 (IDR5).
 *
 * @param sidSizeBits IDR1.SIDSIZE: StreamID width in bits, 0..32 (default 16)
 * @param twoLevelStreamTable IDR0.ST_LEVEL = 0b01: 2-level stream tables supported (default true)
 * @param twoLevelCdTable IDR0.CD2L: 2-level CD tables supported (default true)
 * @param ttEndian IDR0.TTENDIAN: 0 mixed, 2 little, 3 big (default 0, mixed)
 * @param pri IDR0.PRI: Page Request Interface (default false; PRI is not modelled)
 * @param ats IDR0.ATS: PCIe ATS (default true; advertised only, ATS requests are not modelled)
 * @param sev IDR0.SEV: WFE wake-up on CMDQ updates (default true)
 * @param msi IDR0.MSI: MSI generation (default true; only CMD_SYNC completion writes are modelled)
 * @param coherentAccess IDR0.COHACC: coherent table/queue access (default true)
 * @param stage1 IDR0.S1P (default true)
 * @param stage2 IDR0.S2P (default true; advertised only, stage-2 STEs are not modelled)
 * @param stallModel IDR0.STALL_MODEL: 0 stall+terminate, 1 terminate only, 2 stall forced
 *     (default 0; stalling itself is not modelled, every fault terminates)
 * @param hyp IDR0.HYP: EL2 StreamWorld, enables CMD_TLBI_EL2_* (default true)
 * @param asid16 IDR0.ASID16 (default true)
 * @param vmid16 IDR0.VMID16 (default true)
 * @param oasBits IDR5.OAS as a bit count: 32, 36, 40, 42, 44, 48 or 52 (default 44)
 * @param granule4k IDR5.GRAN4K (default true)
 * @param granule64k IDR5.GRAN64K (default true)
 * @param eventQueueLog2Max IDR1.EVENTQS: log2 of the largest event queue, 0..19 (default 15)
 * @param commandQueueLog2Max IDR1.CMDQS: log2 of the largest command queue, 0..19 (default 16)
 * @param gbpaResetAbort reset value of GBPA.ABORT, IMPLEMENTATION DEFINED (§6.3.14); default
 *     false (QEMU's 0x1000: bypass while disabled)
 * @param cr0AckLatencyNs ns from a CR0 (or IRQ_CTRL) write to the matching CR0ACK (IRQ_CTRLACK)
 *     update (default 1000)
 * @param gbpaUpdateLatencyNs ns from a GBPA write with Update=1 to Update reading 0 (default 1000)
 * @param commandLatencyNs ns the SMMU takes to consume one command (default 200)
 * @param tlbHitLatencyNs ns added to a transaction that hits the TLB or needs no walk (default 5)
 * @param tableFetchLatencyNs ns per structure or descriptor read from memory (default 100)
 * @param tlbEntries TLB capacity in 4 KiB translations; full -> flushed whole (default 4096)
 * @param mergeBadStreamIdEvents merge a C_BAD_STREAMID identical to the newest unconsumed record
 *     (§7.3.1 permits it; default false, as QEMU and gem5 never merge)
 */
public record SmmuParameters(
        int sidSizeBits,
        boolean twoLevelStreamTable,
        boolean twoLevelCdTable,
        int ttEndian,
        boolean pri,
        boolean ats,
        boolean sev,
        boolean msi,
        boolean coherentAccess,
        boolean stage1,
        boolean stage2,
        int stallModel,
        boolean hyp,
        boolean asid16,
        boolean vmid16,
        int oasBits,
        boolean granule4k,
        boolean granule64k,
        int eventQueueLog2Max,
        int commandQueueLog2Max,
        boolean gbpaResetAbort,
        long cr0AckLatencyNs,
        long gbpaUpdateLatencyNs,
        long commandLatencyNs,
        long tlbHitLatencyNs,
        long tableFetchLatencyNs,
        int tlbEntries,
        boolean mergeBadStreamIdEvents) {

    public SmmuParameters {
        if (sidSizeBits < 0 || sidSizeBits > 32) {
            throw new IllegalArgumentException("sidSizeBits must be 0..32, got " + sidSizeBits);
        }
        oasEncoding(oasBits); // validates
        if (eventQueueLog2Max < 0 || eventQueueLog2Max > 19 || commandQueueLog2Max < 0 || commandQueueLog2Max > 19) {
            throw new IllegalArgumentException("EVENTQS/CMDQS must be 0..19");
        }
        if (ttEndian == 1 || ttEndian < 0 || ttEndian > 3) {
            throw new IllegalArgumentException("ttEndian must be 0 (mixed), 2 (LE) or 3 (BE)");
        }
        if (stallModel < 0 || stallModel > 2) {
            throw new IllegalArgumentException("stallModel must be 0, 1 or 2");
        }
        if (!granule4k && !granule64k) {
            throw new IllegalArgumentException("at least one of the 4K and 64K granules is needed");
        }
        if (cr0AckLatencyNs < 0 || gbpaUpdateLatencyNs < 0 || commandLatencyNs < 0
                || tlbHitLatencyNs < 0 || tableFetchLatencyNs < 0) {
            throw new IllegalArgumentException("latencies must be >= 0 ns");
        }
        if (tlbEntries < 1) {
            throw new IllegalArgumentException("tlbEntries must be >= 1");
        }
    }

    /** The 2018 report's SMMU: features 0x00001fef, OAS 44-bit, SIDSIZE 16, GBPA resets to bypass. */
    public static SmmuParameters defaults() {
        return new SmmuParameters(16, true, true, 0, false, true, true, true, true, true, true, 0, true,
                true, true, 44, true, true, 15, 16, false, 1000, 1000, 200, 5, 100, 4096, false);
    }

    public SmmuParameters withGbpaResetAbort(boolean abort) {
        return new SmmuParameters(sidSizeBits, twoLevelStreamTable, twoLevelCdTable, ttEndian, pri, ats, sev, msi,
                coherentAccess, stage1, stage2, stallModel, hyp, asid16, vmid16, oasBits, granule4k, granule64k,
                eventQueueLog2Max, commandQueueLog2Max, abort, cr0AckLatencyNs, gbpaUpdateLatencyNs,
                commandLatencyNs, tlbHitLatencyNs, tableFetchLatencyNs, tlbEntries, mergeBadStreamIdEvents);
    }

    /** With IDR0.COHACC as given: whether the SMMU's table and queue accesses are coherent. */
    public SmmuParameters withCoherentAccess(boolean coherent) {
        return new SmmuParameters(sidSizeBits, twoLevelStreamTable, twoLevelCdTable, ttEndian, pri, ats, sev, msi,
                coherent, stage1, stage2, stallModel, hyp, asid16, vmid16, oasBits, granule4k, granule64k,
                eventQueueLog2Max, commandQueueLog2Max, gbpaResetAbort, cr0AckLatencyNs, gbpaUpdateLatencyNs,
                commandLatencyNs, tlbHitLatencyNs, tableFetchLatencyNs, tlbEntries, mergeBadStreamIdEvents);
    }

    public SmmuParameters withMergeBadStreamIdEvents(boolean merge) {
        return new SmmuParameters(sidSizeBits, twoLevelStreamTable, twoLevelCdTable, ttEndian, pri, ats, sev, msi,
                coherentAccess, stage1, stage2, stallModel, hyp, asid16, vmid16, oasBits, granule4k, granule64k,
                eventQueueLog2Max, commandQueueLog2Max, gbpaResetAbort, cr0AckLatencyNs, gbpaUpdateLatencyNs,
                commandLatencyNs, tlbHitLatencyNs, tableFetchLatencyNs, tlbEntries, merge);
    }

    public SmmuParameters withSidSizeBits(int bits) {
        return new SmmuParameters(bits, twoLevelStreamTable, twoLevelCdTable, ttEndian, pri, ats, sev, msi,
                coherentAccess, stage1, stage2, stallModel, hyp, asid16, vmid16, oasBits, granule4k, granule64k,
                eventQueueLog2Max, commandQueueLog2Max, gbpaResetAbort, cr0AckLatencyNs, gbpaUpdateLatencyNs,
                commandLatencyNs, tlbHitLatencyNs, tableFetchLatencyNs, tlbEntries, mergeBadStreamIdEvents);
    }

    public SmmuParameters withLatencies(long cr0AckNs, long gbpaUpdateNs, long commandNs) {
        return new SmmuParameters(sidSizeBits, twoLevelStreamTable, twoLevelCdTable, ttEndian, pri, ats, sev, msi,
                coherentAccess, stage1, stage2, stallModel, hyp, asid16, vmid16, oasBits, granule4k, granule64k,
                eventQueueLog2Max, commandQueueLog2Max, gbpaResetAbort, cr0AckNs, gbpaUpdateNs,
                commandNs, tlbHitLatencyNs, tableFetchLatencyNs, tlbEntries, mergeBadStreamIdEvents);
    }

    /** SMMU_IDR0 as this SMMU reports it (IHI0070 §6.3.1). */
    public int idr0() {
        int v = 0;
        v |= stage2 ? 1 : 0;                         // S2P[0]
        v |= stage1 ? 1 << 1 : 0;                    // S1P[1]
        v |= 2 << 2;                                 // TTF[3:2] = AArch64 only
        v |= coherentAccess ? 1 << 4 : 0;            // COHACC[4]
        v |= hyp ? 1 << 9 : 0;                       // HYP[9]
        v |= ats ? 1 << 10 : 0;                      // ATS[10]
        v |= asid16 ? 1 << 12 : 0;                   // ASID16[12]
        v |= msi ? 1 << 13 : 0;                      // MSI[13]
        v |= sev ? 1 << 14 : 0;                      // SEV[14]
        v |= pri ? 1 << 16 : 0;                      // PRI[16]
        v |= vmid16 ? 1 << 18 : 0;                   // VMID16[18]
        v |= twoLevelCdTable ? 1 << 19 : 0;          // CD2L[19]
        v |= ttEndian << 21;                         // TTENDIAN[22:21]
        v |= stallModel << 24;                       // STALL_MODEL[25:24]
        v |= twoLevelStreamTable ? 1 << 27 : 0;      // ST_LEVEL[28:27]
        return v;
    }

    /** SMMU_IDR1 (IHI0070 §6.3.2): SIDSIZE[5:0], SSIDSIZE[10:6]=0, PRIQS[15:11], EVENTQS[20:16], CMDQS[25:21]. */
    public int idr1() {
        return sidSizeBits | (eventQueueLog2Max << 16) | (commandQueueLog2Max << 21);
    }

    /** SMMU_IDR5 (IHI0070 §6.3.6): OAS[2:0], GRAN4K[4], GRAN64K[6]. */
    public int idr5() {
        return oasEncoding(oasBits) | (granule4k ? 1 << 4 : 0) | (granule64k ? 1 << 6 : 0);
    }

    /** IDR5.OAS encoding of a bit count. */
    static int oasEncoding(int bits) {
        switch (bits) {
            case 32: return 0;
            case 36: return 1;
            case 40: return 2;
            case 42: return 3;
            case 44: return 4;
            case 48: return 5;
            case 52: return 6;
            default: throw new IllegalArgumentException("oasBits must be 32, 36, 40, 42, 44, 48 or 52, got " + bits);
        }
    }

    /** Bit count of an IDR5.OAS / CD.IPS encoding (reserved encodings read as 48, §5.4 IPS). */
    static int oasBitsOf(int encoding) {
        switch (encoding) {
            case 0: return 32;
            case 1: return 36;
            case 2: return 40;
            case 3: return 42;
            case 4: return 44;
            case 6: return 52;
            default: return 48;
        }
    }
}
