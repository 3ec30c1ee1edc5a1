package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * How the kdump kernel handled PCIe errors (docs/model-pcie-errors.md); all zero for a kernel that
 * names no release (the wave-1 model).
 *
 * @param staleCleared functions whose left-over AER status pci_aer_init cleared at enumeration
 * @param recoveries recoveries run (pcie_do_recovery or its predecessors)
 * @param recovered of those, "device recovery successful"
 * @param linkResets link resets of fatal recoveries (Secondary Bus Resets of a port)
 * @param firmwareRecords CPER records firmware wrote (firmware first)
 * @param firmwareDropped errors firmware had no free error status block for
 * @param ghesPrinted records GHES printed
 * @param ghesCached records the estatus cache kept from the console
 * @param ghesSuppressed records the ratelimit kept from the console
 */
@KernelApi
public record PcieErrorSummary(long staleCleared, long recoveries, long recovered, long linkResets, long firmwareRecords,
        long firmwareDropped, long ghesPrinted, long ghesCached, long ghesSuppressed) {

    /** Nothing handled. */
    public static final PcieErrorSummary NONE = new PcieErrorSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** report.json's {@code pcieErrors}: how the kdump kernel handled PCIe errors, one key per component. */
    public StatsGroup stats() {
        return StatsGroup.of("pcieErrors", this);
    }
}
