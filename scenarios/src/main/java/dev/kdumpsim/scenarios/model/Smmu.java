package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.HexValue;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.Optional;

/** SMMUv3 implementation parameters; names follow the SMMUv3 spec (IHI 0070) registers. */
@Doc("SMMUv3 implementation parameters (IDR0/IDR1/IDR5, GBPA reset value, timing)")
public record Smmu(
        @Doc(value = "IDR1.SIDSIZE: StreamID width in bits", dflt = "16") int sidSizeBits,
        @Doc(value = "STRTAB_BASE_CFG.FMT the driver programs", dflt = "2-level") StreamTableFormat streamTable,
        @Doc(value = "IDR5.OAS: output address size in bits", dflt = "44") int oasBits,
        @Doc(value = "log2 of event queue entries (EVTQ_BASE.LOG2SIZE)", dflt = "7") int eventQueueLog2Entries,
        @Doc(value = "GBPA.ABORT after firmware: true aborts, false bypasses when SMMUEN=0", dflt = "false") boolean gbpaResetAbort,
        @Doc(value = "Delay before CR0ACK reflects a CR0 write", dflt = "1us") SimDuration cr0AckLatency,
        @Doc(value = "Merge repeated C_BAD_STREAMID events for one StreamID (implementation defined)", dflt = "false") boolean mergeBadStreamIdEvents,
        @Doc("The driver's feature mask as a report prints it ('ias 44-bit, oas 44-bit (features 0x00001fef)'): sets the IDR0 fields"
                + " arm_smmu_device_hw_probe decodes (2-level tables, endianness, PRI, ATS, SEV, MSI, coherency, stalls, S1/S2, HYP);"
                + " absent, the model's SMMU (0x1fef)") Optional<HexValue> features) {
}
