package dev.kdumpsim.pcie;

/**
 * Linux's reset timing constants (drivers/pci/pci.c, drivers/pci/pci.h; identical in v4.19 and
 * v6.18 except where noted), for sim-kernel and {@link LinuxResetSequence}.
 */
public final class LinuxResetTiming {

    private LinuxResetTiming() {
    }

    private static final long MS = 1_000_000L;

    /**
     * pci_wait_for_pending(): Transactions Pending is read, then re-read after sleeps of 100, 200
     * and 400 ms (so at 0, 100, 300 and 700 ms); on timeout "timed out waiting for pending
     * transaction; performing function level reset anyway".
     */
    public static final long[] TRPND_SLEEPS_NS = {100 * MS, 200 * MS, 400 * MS};
    /** pcie_flr(): msleep(100) after setting Initiate FLR ("a device must complete an FLR within 100ms"). */
    public static final long FLR_WAIT_NS = 100 * MS;
    /** pci_reset_secondary_bus(): msleep(2) with SBR set ("minimum Trst of 1ms. Double this to 2ms"). */
    public static final long SBR_ASSERT_NS = 2 * MS;
    /** v4.19 pci_reset_secondary_bus(): ssleep(1) after clearing SBR. */
    public static final long V4_19_SBR_SETTLE_NS = 1000 * MS;
    /** v6.x: delay after link active (normally 100 ms, PCIe r4.0 §6.6.1). */
    public static final long V6_POST_LINK_DELAY_NS = 100 * MS;
    /** v6.x: how long to wait for DLLLA (PCIE_LINK_RETRAIN_TIMEOUT_MS). */
    public static final long V6_LINK_WAIT_TIMEOUT_NS = 1000 * MS;
    /** Poll period used here while waiting for DLLLA (Linux polls with msleep; 10 ms approximates it). */
    public static final long V6_LINK_POLL_NS = 10 * MS;
    /** PCIE_RESET_READY_POLL_MS: pci_dev_wait() gives up after 60 s. */
    public static final long RESET_READY_POLL_NS = 60_000 * MS;
    /** pci_dev_wait(): first sleep, doubled after each not-ready read of Command. */
    public static final long DEV_WAIT_FIRST_DELAY_NS = 1 * MS;
}
