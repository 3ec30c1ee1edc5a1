package dev.kdumpsim.kernel.version;

/**
 * How drivers/iommu/dmar.c {@code dmar_fault_do_one} prints one fault record (after the "DMAR: "
 * {@code pr_fmt}); the interrupt-remapping line changed with it.
 */
public enum DmarFaultFormat {
    /**
     * Up to v4.6: two lines, the second without a level, and the text's own "DMAR:" after the
     * {@code pr_fmt}: {@code "DMAR:[%s] Request device [%02x:%02x.%d] fault addr %llx \n"
     * "DMAR:[fault reason %02d] %s\n"}.
     */
    V4_0_TWO_LINES,
    /** v4.7 a0fe14d7dcf5: {@code "[%s] Request device [%02x:%02x.%d] fault addr %llx [fault reason %02d] %s\n"}. */
    V4_7_ONE_LINE,
    /** v5.5 ("Add Scalable Mode fault information"): {@code "... [%02x:%02x.%d] PASID %x fault addr %llx ..."}, PASID -1 when absent. */
    V5_5_PASID,
    /** v5.14 719a19335692: {@code "[%s NO_PASID] Request device [0x%02x:0x%02x.%d] fault addr 0x%llx [fault reason 0x%02x] %s\n"}. */
    V5_14_NO_PASID_HEX_BDF,
    /** v5.15 (the "Drop 0x prefix from PCI bus & device addresses" fix): {@code "[%s NO_PASID] Request device [%02x:%02x.%d] ..."}. */
    V5_15_NO_PASID
}
