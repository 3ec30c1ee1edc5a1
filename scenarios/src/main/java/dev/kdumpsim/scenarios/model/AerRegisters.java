package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.HexValue;
import java.util.Optional;

/** The AER registers firmware leaves in an endpoint's functions (PCIe r5.0 §7.8.4), as the kdump kernel finds them. */
@Doc("AER register values firmware left (absent: the model's power-on values)")
public record AerRegisters(
        @Doc("Uncorrectable Error Severity, §7.8.4.4 (absent: 0x00462030, the spec default; 0x00062011 for errorProfile defective-completion)")
        Optional<HexValue> uncorSeverity,
        @Doc("Uncorrectable Error Mask, §7.8.4.3 (absent: 0x00000000)") Optional<HexValue> uncorMask,
        @Doc("Correctable Error Mask, §7.8.4.6 (absent: 0x00002000, Advisory Non-Fatal masked)") Optional<HexValue> corMask) {
}
