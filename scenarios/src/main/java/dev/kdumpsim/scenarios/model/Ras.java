package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.ras.CperSeverityPolicy;
import dev.kdumpsim.scenarios.value.HexValue;
import java.util.Optional;

/** The platform's RAS behaviour: what firmware reports, and whether an aborted DMA raises an SError. */
@Doc("Platform RAS: firmware-first severity and SError on aborted DMA (see docs/model-pcie-errors.md)")
public record Ras(
        @Doc(value = "CPER severity firmware gives uncorrectable PCIe errors it takes first (kernels.kdump.aer: firmware-first,"
                + " with a named release)", dflt = "from-aer-severity") CperSeverityPolicy cperSeverity,
        @Doc(value = "An IOMMU-aborted DMA is also signalled to the CPU as an SError (arm64 only): the kdump kernel panics"
                + " (\"Asynchronous SError Interrupt\")", dflt = "false") boolean abortedDmaSError,
        @Doc("ESR_EL1 the SError carries (EC 0x2f), e.g. '0xbf000000' (the default)") Optional<HexValue> serrorEsr) {
}
