package dev.kdumpsim.pcie;

import dev.kdumpsim.pcie.aer.ErrorMessage;

/**
 * Receives the error Messages that reach a Root Port, as they arrive, after the port has logged
 * them in Root Error Status and Error Source Identification (PCIe r5.0 §6.2.4.1.2, §7.8.4.10,
 * §7.8.4.11). A kernel's AER service driver uses it as its interrupt (Linux {@code aer_irq()}
 * reads Root Error Status and Error Source Identification, drivers/pci/pcie/aer.c). Called
 * synchronously; the listener may do config accesses but must not keep the arguments' state.
 */
@FunctionalInterface
public interface ErrorMessageListener {

    /**
     * @param rootPort the Root Port that received (or, for its own errors, generated) the Message
     * @param message ERR_COR, ERR_NONFATAL or ERR_FATAL
     * @param requesterId the BDF of the function that sent it (the Requester ID of the Message)
     * @param interruptEnabled whether Root Error Command enables an interrupt for this class
     *     (§7.8.4.9): what an interrupt-driven kernel would be woken by
     */
    void onErrorMessage(PcieBridge rootPort, ErrorMessage message, int requesterId, boolean interruptEnabled);
}
