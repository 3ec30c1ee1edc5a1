package dev.kdumpsim.kernel.smmu;

import dev.kdumpsim.kernel.log.LogLevel;
import java.util.function.Consumer;

/**
 * b63b3439 "iommu/arm-smmu-v3: Abort all transactions if SMMU is enabled in kdump kernel": in a
 * kdump kernel {@code arm_smmu_update_gbpa(smmu, GBPA_ABORT, 0); arm_smmu_device_disable(smmu);
 * return -EBUSY;} before any warning, so the driver core prints only the probe failure.
 */
final class AbortAndFail implements ResetStrategy {

    /** -EBUSY as the driver core prints it. */
    static final int EBUSY = 16;

    @Override
    public void reset(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done) {
        s.updateGbpaAbort(seq);
        s.disable(seq);
        seq.run(() -> {
            s.driver.probeFinished(false);
            s.k.console().print(LogLevel.WARNING, "", "%s: probe of %s failed with error %d\n", "arm-smmu-v3",
                    "arm-smmu-v3.0.auto", -EBUSY);
            s.k.console().then(() -> done.accept(false));
        });
    }
}
