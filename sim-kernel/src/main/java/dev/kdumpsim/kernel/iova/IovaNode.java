package dev.kdumpsim.kernel.iova;

/** struct iova: one rbtree node, {@code [pfnLo, pfnHi]} inclusive. Mutable, owned by {@link IovaDomain}. */
final class IovaNode {
    long pfnLo;
    long pfnHi;
    IovaRange.State state;

    IovaNode(long pfnLo, long pfnHi, IovaRange.State state) {
        this.pfnLo = pfnLo;
        this.pfnHi = pfnHi;
        this.state = state;
    }
}
