package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CMDQ_CONS;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CMDQ_PROD;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.smmuv3.Command;
import dev.kdumpsim.smmuv3.SmmuV3;
import java.util.Arrays;

/**
 * The driver's side of the command queue ({@code arm_smmu_cmdq_issue_cmd} and
 * {@code arm_smmu_cmdq_issue_sync} of v4.16 drivers/iommu/arm-smmu-v3.c): commands are written
 * into the queue's memory at PROD, PROD moves (with its wrap bit), and the driver polls CONS until
 * the SMMU consumed everything it produced.
 */
final class SmmuCommandWriter {

    private final KernelContext k;
    private final SmmuV3 smmu;
    private final long base;
    private final int log2;
    private int prod;

    SmmuCommandWriter(KernelContext k, SmmuV3 smmu, long base, int log2) {
        this.k = k;
        this.smmu = smmu;
        this.base = base;
        this.log2 = log2;
    }

    long base() {
        return base;
    }

    int log2() {
        return log2;
    }

    /** The queue was (re)programmed with PROD = CONS = 0. */
    void reset() {
        prod = 0;
    }

    void submit(Command... cmds) {
        int wrapMask = (2 << log2) - 1;
        for (Command c : cmds) {
            c.writeTo(k.memory(), k.cpuAgent(), base + 16L * (prod & ((1 << log2) - 1)));
            prod = (prod + 1) & wrapMask;
        }
        smmu.writel(CMDQ_PROD, prod);
    }

    boolean consumed() {
        return (smmu.readl(CMDQ_CONS) & ((2 << log2) - 1)) == prod;
    }

    /** Issues commands and calls {@code then} once the SMMU consumed them (CMD_SYNC polled). */
    void issueAndSync(Runnable then, Command... cmds) {
        MmioSequence seq = new MmioSequence(k.sim(), what -> k.console().print(LogLevel.ERR, ArmSmmuV3Driver.DEV_PREFIX,
                "CMD_SYNC timeout\n"));
        Command[] withSync = Arrays.copyOf(cmds, cmds.length + 1);
        withSync[cmds.length] = Command.sync();
        seq.poll("CMD_SYNC", () -> submit(withSync), this::consumed);
        seq.run(then);
    }
}
