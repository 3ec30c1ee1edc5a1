package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_SMMUEN;

import dev.kdumpsim.kernel.log.LogLevel;
import java.util.function.Consumer;

/**
 * Nicolin Chen's kdump-adopt series ("iommu/arm-smmu-v3: Fix device crash on kdump kernel"):
 * keep SMMUEN and the crashed kernel's stream table ("kdump: retaining SMMUEN for in-flight
 * DMA"), queues off, a new command queue, CFGI_ALL and TLBI; streams whose STE the crashed kernel
 * left valid are attached only when their driver probes ({@code is_attach_deferred}).
 */
final class AdoptTables implements ResetStrategy {

    @Override
    public void reset(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done) {
        ArmSmmuV3Driver d = s.driver;
        s.k.console().print(LogLevel.INFO, ArmSmmuV3Driver.DEV_PREFIX, "kdump: retaining SMMUEN for in-flight DMA\n");
        s.k.console().then(() -> {
            d.streamTable().useLive(s.smmu);
            d.streamTable().readL2Tables();
            d.deferAttach(d.streamTable().liveStreams());
            s.cr0(seq, "queues off", CR0_SMMUEN);
            s.enableCommandQueue(seq, d.commandQueue(), CR0_SMMUEN);
            s.invalidateAll(seq, d.commandQueue(), d.hasHyp());
            seq.run(() -> {
                d.probeFinished(true);
                done.accept(true);
            });
        });
    }
}
