package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_SMMUEN;

import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.smmuv3.SmmuRegisters;
import java.util.function.Consumer;

/**
 * Nicolin Chen's kdump-adopt series ("iommu/arm-smmu-v3: Fix device crash on kdump kernel"):
 * keep SMMUEN and the crashed kernel's stream table ("kdump: retaining SMMUEN for in-flight
 * DMA"), queues off, a new command queue, CFGI_ALL and TLBI; streams whose STE the crashed kernel
 * left valid are attached only when their driver probes ({@code is_attach_deferred}). From the
 * series' v10 the ASIDs of the adopted context descriptors are reserved (v7 did not: see
 * {@link SmmuDriverPolicy#KDUMP_ADOPT_V7}).
 */
final class AdoptTables implements ResetStrategy {

    @Override
    public void reset(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done) {
        ArmSmmuV3Driver d = s.driver;
        // the series' gates: the crashed kernel's tables can be read back only through a coherent
        // SMMU, and an SMMU in Service Failure Mode (GERROR.SFM_ERR active, IHI0070 §6.3.18) must be
        // reset; both fall back to the abort-then-reset path, which blocks all DMA first
        int gerror = s.smmu.readl(SmmuRegisters.GERROR) ^ s.smmu.readl(SmmuRegisters.GERRORN);
        String gate = !d.features().has(SmmuFeatures.FEAT_COHERENCY) ? "kdump: non-coherent SMMU unsupported; reset to block all DMAs\n"
                : (gerror & SmmuRegisters.GERROR_SFM_ERR) != 0 ? "kdump: SMMU in Service Failure Mode, must reset\n" : null;
        if (gate != null) {
            s.k.console().print(LogLevel.WARNING, ArmSmmuV3Driver.DEV_PREFIX, gate);
            s.k.console().then(() -> new FullReset().reset(s, seq, done));
            return;
        }
        s.k.console().print(LogLevel.INFO, ArmSmmuV3Driver.DEV_PREFIX, "kdump: retaining SMMUEN for in-flight DMA\n");
        s.k.console().then(() -> {
            d.streamTable().useLive(s.smmu);
            d.streamTable().readL2Tables();
            d.deferAttach(d.streamTable().liveStreams());
            if (d.policy().reservesAdoptedAsids()) {
                d.reserveAsids(d.streamTable().liveAsids());
            }
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
