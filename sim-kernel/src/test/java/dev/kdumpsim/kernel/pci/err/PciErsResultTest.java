package dev.kdumpsim.kernel.pci.err;

import static dev.kdumpsim.kernel.pci.err.PciErsResult.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** merge_result (drivers/pci/pcie/err.c, the same in every release read, 4.14 to 6.12). */
class PciErsResultTest {

    @Test
    void noAerDriverIsStickyAndNoneKeepsTheOrigin() {
        assertEquals(NO_AER_DRIVER, merge(CAN_RECOVER, NO_AER_DRIVER));
        assertEquals(NO_AER_DRIVER, merge(NO_AER_DRIVER, NEED_RESET));
        assertEquals(NEED_RESET, merge(NEED_RESET, NONE));
    }

    @Test
    void canRecoverAndRecoveredTakeTheVoteDisconnectOnlyYieldsToNeedReset() {
        assertEquals(NEED_RESET, merge(CAN_RECOVER, NEED_RESET));
        assertEquals(DISCONNECT, merge(RECOVERED, DISCONNECT));
        assertEquals(NEED_RESET, merge(DISCONNECT, NEED_RESET));
        assertEquals(DISCONNECT, merge(DISCONNECT, CAN_RECOVER));
        assertEquals(NEED_RESET, merge(NEED_RESET, CAN_RECOVER), "a reset already asked for is not taken back");
    }
}
