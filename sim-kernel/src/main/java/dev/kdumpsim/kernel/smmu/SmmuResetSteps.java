package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.smmuv3.Command;
import dev.kdumpsim.smmuv3.SmmuV3;

/**
 * The MMIO building blocks of {@code arm_smmu_device_reset} and its helpers in v4.16
 * drivers/iommu/arm-smmu-v3.c ({@code arm_smmu_update_gbpa}, {@code arm_smmu_device_disable},
 * {@code arm_smmu_write_reg_sync}, {@code arm_smmu_setup_irqs}), each appended to an
 * {@link MmioSequence}. The reset strategies compose them; the order of the full reset is the
 * one every release since 4.x keeps (disable, CR1, CR2, STRTAB, CMDQ, CFGI_ALL, TLBI, EVTQ,
 * IRQs, SMMUEN).
 */
final class SmmuResetSteps {

    /** CPU time of arm_smmu_setup_irqs (platform MSI allocation, three request_threaded_irq); a model value. */
    static final long SETUP_IRQS_NS = 300_000;

    final ArmSmmuV3Driver driver;
    final KernelContext k;
    final SmmuV3 smmu;

    SmmuResetSteps(ArmSmmuV3Driver driver, KernelContext k, SmmuV3 smmu) {
        this.driver = driver;
        this.k = k;
        this.smmu = smmu;
    }

    /** {@code arm_smmu_update_gbpa(smmu, GBPA_ABORT, 0)}: set ABORT with UPDATE, poll UPDATE clear. */
    void updateGbpaAbort(MmioSequence seq) {
        seq.poll("GBPA", () -> smmu.writel(GBPA, (smmu.readl(GBPA) | GBPA_ABORT) | GBPA_UPDATE),
                () -> (smmu.readl(GBPA) & GBPA_UPDATE) == 0);
    }

    /** {@code arm_smmu_device_disable}: CR0 := 0; opens a bypass window if GBPA lets traffic through. */
    void disable(MmioSequence seq) {
        seq.poll("CR0 disable", () -> {
            boolean bypassing = (smmu.readl(CR0) & CR0_SMMUEN) != 0 && (smmu.readl(GBPA) & GBPA_ABORT) == 0;
            smmu.writel(CR0, 0);
            if (bypassing) {
                driver.bypassWindowOpened(k.sim().now());
            }
        }, () -> smmu.readl(CR0ACK) == 0);
    }

    /** {@code arm_smmu_write_reg_sync(smmu, value, ARM_SMMU_CR0, ARM_SMMU_CR0ACK)}. */
    void cr0(MmioSequence seq, String what, int value) {
        seq.poll(what, () -> smmu.writel(CR0, value), () -> smmu.readl(CR0ACK) == value);
    }

    /** CR1 (table and queue attributes) and CR2 (PTM | RECINVSID | E2H, early 4.x). */
    void controlRegisters(MmioSequence seq) {
        seq.step("CR1/CR2", () -> {
            smmu.writel(CR1, 0xd75); // tables and queues: inner shareable, write-back
            smmu.writel(CR2, CR2_PTM | CR2_RECINVSID | CR2_E2H);
        });
    }

    void streamTableBase(MmioSequence seq, SmmuStreamTable table) {
        seq.step("STRTAB_BASE", () -> {
            smmu.writeq(STRTAB_BASE, table.l1Base() | STRTAB_BASE_RA);
            smmu.writel(STRTAB_BASE_CFG, strtabBaseCfg(STRTAB_BASE_CFG_FMT_2LVL, SmmuStreamTable.STRTAB_SPLIT,
                    table.l1Log2() + SmmuStreamTable.STRTAB_SPLIT));
        });
    }

    /** CMDQ_BASE, PROD = CONS = 0, then CMDQEN (with {@code keep} bits of CR0). */
    void enableCommandQueue(MmioSequence seq, SmmuCommandWriter cmdq, int keep) {
        seq.step("CMDQ_BASE", () -> {
            smmu.writeq(CMDQ_BASE, queueBase(cmdq.base(), cmdq.log2()));
            smmu.writel(CMDQ_PROD, 0);
            smmu.writel(CMDQ_CONS, 0);
            cmdq.reset();
        });
        cr0(seq, "CMDQEN", keep | CR0_CMDQEN);
    }

    /** CFGI_ALL + SYNC, TLBI_EL2_ALL if the SMMU has HYP, TLBI_NSNH_ALL + SYNC. */
    void invalidateAll(MmioSequence seq, SmmuCommandWriter cmdq, boolean hyp) {
        seq.poll("CFGI_ALL", () -> cmdq.submit(Command.cfgiAll(), Command.sync()), cmdq::consumed);
        if (hyp) {
            seq.poll("TLBI_EL2_ALL", () -> cmdq.submit(Command.tlbiEl2All()), cmdq::consumed);
        }
        seq.poll("TLBI_NSNH_ALL", () -> cmdq.submit(Command.tlbiNsnhAll(), Command.sync()), cmdq::consumed);
    }

    void eventQueueBase(MmioSequence seq, long evtqBase, int evtqShift) {
        seq.step("EVTQ_BASE", () -> {
            smmu.writeq(EVENTQ_BASE, queueBase(evtqBase, evtqShift));
            smmu.writel(EVENTQ_PROD, 0);
            smmu.writel(EVENTQ_CONS, 0);
        });
    }

    /** {@code arm_smmu_setup_irqs}: IRQ_CTRL off, request the IRQs (the event thread), IRQ_CTRL on. */
    void setupIrqs(MmioSequence seq) {
        seq.poll("IRQ_CTRL off", () -> smmu.writel(IRQ_CTRL, 0), () -> smmu.readl(IRQ_CTRLACK) == 0);
        seq.delay("request irqs", driver::requestIrqs, SETUP_IRQS_NS);
        int irqs = IRQ_CTRL_EVENTQ_IRQEN | IRQ_CTRL_GERROR_IRQEN;
        seq.poll("IRQ_CTRL", () -> smmu.writel(IRQ_CTRL, irqs), () -> smmu.readl(IRQ_CTRLACK) == irqs);
    }
}
