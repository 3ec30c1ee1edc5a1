package dev.kdumpsim.vtd;

/**
 * Receives a DMAR unit's interrupts, which stand in for the MSIs it would send through
 * FEDATA/FEADDR and IEDATA/IEADDR. Delivered from scheduled simulation events, never from inside
 * {@link DmarUnit#translate}; a kernel model registers one and reads FSTS/FRCD in response, as
 * Linux's {@code dmar_fault} does.
 */
public interface VtdInterruptListener {

    /** Fault event (FECTL_REG): a primary fault became pending, PFO or IQE was set. */
    default void onFaultEvent() {
    }

    /** Invalidation completion event (IECTL_REG): a wait descriptor with IF=1 completed. */
    default void onInvalidationCompletionEvent() {
    }
}
