package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_CMDQEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_EVENTQEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_SMMUEN;

import dev.kdumpsim.kernel.log.LogLevel;
import java.util.function.Consumer;

/**
 * Bjorn Helgaas's question in the 2018 thread (do not reset; give the SMMU all-invalid tables),
 * modelled as in-place invalidation: SMMUEN stays 1, every STE of the live stream table becomes
 * invalid (replacing STRTAB_BASE while SMMUEN=1 is CONSTRAINED UNPREDICTABLE, IHI0070 §6.3.23),
 * then new queues, CFGI_ALL and TLBI_NSNH_ALL; the event queue stays on.
 */
final class InvalidateInPlace implements ResetStrategy {

    @Override
    public void reset(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done) {
        ArmSmmuV3Driver d = s.driver;
        s.k.console().print(LogLevel.WARNING, ArmSmmuV3Driver.DEV_PREFIX,
                "SMMU currently enabled! Invalidating all stream table entries\n");
        s.k.console().then(() -> {
            d.streamTable().useLive(s.smmu);
            s.cr0(seq, "queues off", CR0_SMMUEN);
            seq.step("invalidate STEs", () -> {
                d.streamTable().readL2Tables();
                d.streamTable().invalidateAll();
            });
            s.enableCommandQueue(seq, d.commandQueue(), CR0_SMMUEN);
            s.invalidateAll(seq, d.commandQueue(), d.hasHyp());
            s.eventQueueBase(seq, d.evtqBase(), d.features().evtqShift());
            s.cr0(seq, "EVTQEN", CR0_SMMUEN | CR0_CMDQEN | CR0_EVENTQEN);
            s.setupIrqs(seq);
            seq.run(() -> {
                d.probeFinished(true);
                done.accept(true);
            });
        });
    }
}
