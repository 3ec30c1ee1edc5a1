package dev.kdumpsim.pcie;

/**
 * Receives every DMA transaction when its fate is decided, as one {@link DmaTransaction}
 * (synchronously; the instance is reused: read it during the call, keep no reference). The
 * single-argument successor of {@link TransactionObserver}; register with
 * {@link RootComplex#addTransactionObserver}. An observer must not issue DMA from within the
 * call (the record would be reused under it).
 */
@FunctionalInterface
public interface DmaTransactionObserver {

    void onDmaTransaction(DmaTransaction t);
}
