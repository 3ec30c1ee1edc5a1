package dev.kdumpsim.pcie;

/**
 * Where a multi-function device logs an error that is not specific to one function, such as a
 * Malformed TLP detected by the shared port receiver before the TLP is routed to a function.
 *
 * <p>PCIe Base Spec §6.2.4 (r2.1 onwards; paraphrased, see docs/model-pcie.md): errors that are
 * not Function-specific are logged in every Function of the device that implements the
 * capability, while only one error Message is sent. The 2018 report is consistent with that:
 * function 1's completion is logged in 01:00.0's AER. {@link #FUNCTION_ZERO} models devices that
 * only log in function 0; {@link #RECEIVING_FUNCTION} a device that treats it as function-specific.
 */
public enum MfdErrorLogging {
    ALL_FUNCTIONS,
    FUNCTION_ZERO,
    RECEIVING_FUNCTION
}
