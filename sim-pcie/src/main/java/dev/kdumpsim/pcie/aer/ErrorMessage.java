package dev.kdumpsim.pcie.aer;

/**
 * The PCIe error signalling Messages (PCIe r5.0 §2.2.8.3, §6.2.3.1): what a function sends
 * upstream when it detects an error it is enabled to report.
 */
public enum ErrorMessage {
    /** ERR_COR: a correctable error. */
    ERR_COR,
    /** ERR_NONFATAL: an uncorrectable error whose severity bit is 0. */
    ERR_NONFATAL,
    /** ERR_FATAL: an uncorrectable error whose severity bit is 1. */
    ERR_FATAL
}
