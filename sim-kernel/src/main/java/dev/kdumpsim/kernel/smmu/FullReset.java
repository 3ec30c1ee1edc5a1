package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_CMDQEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_EVENTQEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_SMMUEN;

import dev.kdumpsim.kernel.log.LogLevel;
import java.util.function.Consumer;

/**
 * The full {@code arm_smmu_device_reset}: "SMMU currently enabled! Resetting..." if SMMUEN was
 * set, GBPA.ABORT first where the policy has 3f54c447, disable (a bypass window while GBPA lets
 * traffic through), then the whole programming sequence. In a kdump kernel under 3f54c447 the
 * final CR0 leaves EVTQEN/PRIQEN off ({@code enables &= ~(CR0_EVTQEN | CR0_PRIQEN)}) after it was
 * briefly set.
 */
final class FullReset implements ResetStrategy {

    @Override
    public void reset(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done) {
        ArmSmmuV3Driver d = s.driver;
        if (d.foundEnabled()) {
            s.k.console().print(LogLevel.WARNING, ArmSmmuV3Driver.DEV_PREFIX, "SMMU currently enabled! Resetting...\n");
        }
        s.k.console().then(() -> program(s, seq, done));
    }

    /** The programming sequence; also the tail of other strategies' fallbacks. */
    static void program(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done) {
        ArmSmmuV3Driver d = s.driver;
        if (d.foundEnabled() && d.policy().abortBeforeDisable()) {
            s.updateGbpaAbort(seq); // 3f54c447: GBPA.ABORT before SMMUEN is cleared
        }
        s.disable(seq);
        s.controlRegisters(seq);
        s.streamTableBase(seq, d.streamTable());
        s.enableCommandQueue(seq, d.commandQueue(), 0);
        s.invalidateAll(seq, d.commandQueue(), d.hasHyp());
        s.eventQueueBase(seq, d.evtqBase(), d.features().evtqShift());
        s.cr0(seq, "EVTQEN", CR0_CMDQEN | CR0_EVENTQEN);
        s.setupIrqs(seq);
        boolean evtqOff = s.k.kdump() && d.policy().eventQueueOffInKdump();
        s.cr0(seq, "SMMUEN", CR0_CMDQEN | (evtqOff ? 0 : CR0_EVENTQEN) | CR0_SMMUEN);
        seq.run(() -> {
            d.bypassWindowClosed(s.k.sim().now());
            d.probeFinished(true);
            done.accept(true);
        });
    }
}
