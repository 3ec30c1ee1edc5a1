package dev.kdumpsim.smmuv3;

/**
 * The SMMU's wired interrupt lines as seen by software (IHI0070 §3.18). Called from a simulation
 * event at the time the interrupt is asserted, never from inside {@link SmmuV3#translate}.
 * Default methods do nothing, so a driver model implements only the lines it requested.
 */
public interface SmmuIrqListener {

    /** Event queue went from empty to non-empty while IRQ_CTRL.EVENTQ_IRQEN was 1 (§7.4). */
    default void onEventQueueIrq() {
    }

    /** A GERROR bit became active while IRQ_CTRL.GERROR_IRQEN was 1 (§7.5). */
    default void onGerrorIrq() {
    }

    /** A CMD_SYNC with CS=IRQ completed (and no MSI address was given). */
    default void onCmdSyncIrq() {
    }
}
