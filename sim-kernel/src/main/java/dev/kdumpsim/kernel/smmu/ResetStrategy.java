package dev.kdumpsim.kernel.smmu;

import java.util.function.Consumer;

/**
 * One way {@code arm_smmu_device_reset} brings the SMMU up, chosen by the policy when a kdump
 * kernel finds SMMUEN set ({@link SmmuDriverPolicy.KdumpReset}); a clean SMMU always gets
 * {@link FullReset}. Each strategy appends its MMIO to the sequence and calls {@code done} with
 * the probe's result once the hardware acknowledged everything.
 */
interface ResetStrategy {

    void reset(SmmuResetSteps s, MmioSequence seq, Consumer<Boolean> done);

    static ResetStrategy of(SmmuDriverPolicy.KdumpReset kind) {
        return switch (kind) {
            case FULL_RESET -> new FullReset();
            case ABORT_AND_FAIL -> new AbortAndFail();
            case ADOPT -> new AdoptTables();
            case INVALIDATE_IN_PLACE -> new InvalidateInPlace();
        };
    }
}
