package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Finds and decodes the configuration of one StreamID from memory: stream table (linear or
 * 2-level), STE, CD. Every structure is read through {@link PhysicalMemory}, so whatever was last
 * written there (by software or by a stray DMA) is what the SMMU sees. Allocation-free.
 *
 * <p>Checks, in spec order:
 * <ul>
 * <li>StreamID >= 2^MIN(STRTAB_BASE_CFG.LOG2SIZE, IDR1.SIDSIZE) -> C_BAD_STREAMID (§6.3.25);</li>
 * <li>2-level: L1STD.Span == 0 or > SPLIT+1, or StreamID[SPLIT-1:0] >= 2^(Span-1) ->
 *     C_BAD_STREAMID (§5.1.1, §7.3.3; QEMU reports C_BAD_STE for the latter, the spec says
 *     C_BAD_STREAMID);</li>
 * <li>STE.V == 0 -> C_BAD_STE (§5.2); Config 0b0xx -> abort without event; 0b100 bypass;
 *     0b101 stage 1; stage 2 and nested are not modelled -> C_BAD_STE (counted);</li>
 * <li>S1CDMax != 0 and no SubstreamID: S1DSS terminate -> F_STREAM_DISABLED, bypass, or CD 0
 *     (§5.2 S1DSS); CD.V == 0, AA64 == 0, unsupported TG0 or T0SZ out of 16..39 -> C_BAD_CD (§5.4).</li>
 * </ul>
 */
final class ConfigFetcher {

    private final PhysicalMemory mem;
    private final int agent;
    private final SmmuParameters params;
    /** Structure reads made by the last {@link #fetch} (for latency). */
    int reads;
    /** STEs naming stage 2 or nested translation, which this model does not walk. */
    long unmodelledStage2;

    ConfigFetcher(PhysicalMemory mem, int agent, SmmuParameters params) {
        this.mem = mem;
        this.agent = agent;
        this.params = params;
    }

    /**
     * Fills {@code out} for {@code sid}; returns 0 on success or the EventID of the configuration error.
     */
    int fetch(int sid, long strtabBase, int strtabBaseCfg, StreamConfig out) {
        reads = 0;
        int log2size = Math.min(strtabBaseCfg & 0x3f, params.sidSizeBits());
        long sidU = sid & 0xffffffffL;
        if (log2size < 32 && (sidU >>> log2size) != 0) {
            return EventId.C_BAD_STREAMID;
        }
        int fmt = (strtabBaseCfg >>> 16) & 3;
        long base = strtabBase & SmmuRegisters.STRTAB_BASE_ADDR_MASK;
        long steAddress;
        if (fmt == SmmuRegisters.STRTAB_BASE_CFG_FMT_2LVL && params.twoLevelStreamTable()) {
            int split = (strtabBaseCfg >>> 6) & 0x1f;
            int l1Bits = Math.max(0, log2size - split);
            base &= -Math.max(64L, 8L << l1Bits); // §6.3.24: aligned to the L1 table size
            long l1 = read(base + 8 * (sidU >>> split));
            int span = L1StreamTableDescriptor.span(l1);
            if (span == 0 || span > split + 1) {
                return EventId.C_BAD_STREAMID;
            }
            long low = sidU & ((1L << split) - 1);
            if (low >= (1L << (span - 1))) {
                return EventId.C_BAD_STREAMID;
            }
            steAddress = L1StreamTableDescriptor.l2Ptr(l1) + 64 * low;
        } else {
            base &= -(64L << log2size); // linear table aligned to its size
            steAddress = base + 64 * sidU;
        }
        long dw0 = read(steAddress);
        if (!StreamTableEntry.valid(dw0)) {
            return EventId.C_BAD_STE;
        }
        int config = StreamTableEntry.config(dw0);
        out.valid = true;
        if (config < StreamTableEntry.CONFIG_BYPASS) {
            out.kind = StreamConfig.KIND_ABORT;
            return 0;
        }
        if (config == StreamTableEntry.CONFIG_BYPASS) {
            out.kind = StreamConfig.KIND_BYPASS;
            return 0;
        }
        if (config != StreamTableEntry.CONFIG_S1_TRANS) {
            unmodelledStage2++;
            return EventId.C_BAD_STE;
        }
        if (!params.stage1()) {
            return EventId.C_BAD_STE;
        }
        return fetchCd(dw0, read(steAddress + 8), out);
    }

    private int fetchCd(long steDw0, long steDw1, StreamConfig out) {
        long ptr = StreamTableEntry.s1ContextPtr(steDw0);
        int cdMax = StreamTableEntry.s1CdMax(steDw0);
        if (cdMax != 0) {
            switch (StreamTableEntry.s1Dss(steDw1)) {
                case StreamTableEntry.S1DSS_TERMINATE:
                    out.kind = StreamConfig.KIND_STREAM_DISABLED;
                    return 0;
                case StreamTableEntry.S1DSS_BYPASS:
                    out.kind = StreamConfig.KIND_BYPASS;
                    return 0;
                case StreamTableEntry.S1DSS_SUBSTREAM0:
                    break;
                default:
                    return EventId.C_BAD_STE;
            }
            if (StreamTableEntry.s1Fmt(steDw0) != 0) {
                // 2-level CD table: L1CD (§5.3) V[0], L2Ptr[55:12]; CD 0 is the first of its leaf table.
                if (!params.twoLevelCdTable()) {
                    return EventId.C_BAD_STE;
                }
                long l1cd = read(ptr);
                if ((l1cd & 1) == 0) {
                    return EventId.C_BAD_CD;
                }
                ptr = l1cd & (((1L << 56) - 1) & ~0xfffL);
            }
        }
        long w0 = read(ptr);
        if (!ContextDescriptor.valid(w0) || !ContextDescriptor.aa64(w0)) {
            return EventId.C_BAD_CD;
        }
        TranslationGranule g = TranslationGranule.ofTg0(ContextDescriptor.tg0(w0));
        if (g == null || (g == TranslationGranule.GRANULE_4K && !params.granule4k())
                || (g == TranslationGranule.GRANULE_64K && !params.granule64k())) {
            return EventId.C_BAD_CD;
        }
        int t0sz = ContextDescriptor.t0sz(w0);
        if (t0sz < 16 || t0sz > 39) {
            return EventId.C_BAD_CD;
        }
        out.kind = StreamConfig.KIND_S1;
        out.asid = ContextDescriptor.asid(w0);
        out.granule = g;
        out.inputBits = 64 - t0sz;
        out.startLevel = g.startLevel(out.inputBits);
        out.epd0 = ContextDescriptor.epd0(w0);
        out.affd = ContextDescriptor.affd(w0);
        out.outputBits = Math.min(SmmuParameters.oasBitsOf(ContextDescriptor.ips(w0)), params.oasBits());
        out.ttb0 = ContextDescriptor.ttb0(read(ptr + 8));
        return 0;
    }

    private long read(long address) {
        reads++;
        return mem.readLong(agent, address);
    }
}
