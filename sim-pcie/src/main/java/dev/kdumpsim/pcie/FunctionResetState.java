package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.pcie.config.ConfigSpace;
import dev.kdumpsim.pcie.config.PciRegs;

/**
 * A function's reset and enable state: Memory Space Enable (its BARs decode, so the driver's
 * programming reaches it), Bus Master Enable (it may issue requests, PCIe r5.0 §7.5.1.1.3), and
 * the two resets it takes.
 *
 * <ul>
 * <li>Function Level Reset (§6.6.2), started by DevCtl Initiate FLR: the function's state and
 * non-sticky registers are reset at once, requests it still holds are discarded, and it answers
 * config requests again after {@code flrCompletionNs}.</li>
 * <li>Conventional Reset from a Secondary Bus Reset above (hot reset, §6.6.1): the link goes down,
 * in-flight TLPs are lost, the same state is reset; after the link trains again the function is
 * ready {@code readyAfterLinkUpNs} later.</li>
 * </ul>
 * In both, AER status/mask/severity/header log are sticky and survive (§7.8.4). Not modelled:
 * Configuration Request Retry Status during the ready delay (requests are answered with all ones,
 * as Linux's pci_dev_wait() sees a not-ready device), Immediate Readiness, Readiness Notifications.
 */
final class FunctionResetState {

    private final Simulation sim;
    private final EndpointParams params;
    private final ConfigSpace config;
    private final EventHandler readyTimer = this::onReadyTimer;
    private boolean ready = true;
    private boolean linkUp = true;
    private boolean flrInProgress;
    private long readyEpoch;

    FunctionResetState(Simulation sim, EndpointParams params, ConfigSpace config) {
        this.sim = sim;
        this.params = params;
        this.config = config;
    }

    /** Answers config requests: not in FLR, not below a down link, ready delay over. */
    boolean isReady() {
        return ready && linkUp;
    }

    boolean linkUp() {
        return linkUp;
    }

    boolean flrInProgress() {
        return flrInProgress;
    }

    boolean memorySpaceEnabled() {
        return (config.read(PciRegs.COMMAND, 2) & PciRegs.COMMAND_MEMORY) != 0;
    }

    /** Whether the write turned Bus Master Enable on. */
    static boolean busMasterTurnedOn(int oldCommand, int newCommand) {
        return (oldCommand & PciRegs.COMMAND_MASTER) == 0 && (newCommand & PciRegs.COMMAND_MASTER) != 0;
    }

    /** Whether the DevCtl write asks for an FLR the function supports. */
    boolean flrRequested(int devctlWritten) {
        return devctlWritten >= 0 && (devctlWritten & PciRegs.EXP_DEVCTL_BCR_FLR) != 0 && params.flrCapable();
    }

    /** FLR begins: not ready until {@code flrCompletionNs} from now. */
    void startFlr() {
        flrInProgress = true;
        ready = false;
        sim.scheduleAfter(params.flrCompletionNs(), readyTimer, ++readyEpoch);
    }

    /** Conventional Reset: link down, any pending readiness cancelled. */
    void linkDown() {
        linkUp = false;
        ready = false;
        flrInProgress = false;
        readyEpoch++;
    }

    /** Link trained again: ready {@code readyAfterLinkUpNs} later. */
    void linkTrained() {
        linkUp = true;
        sim.scheduleAfter(params.readyAfterLinkUpNs(), readyTimer, ++readyEpoch);
    }

    private void onReadyTimer(long epoch) {
        if (epoch != readyEpoch) {
            return;
        }
        flrInProgress = false;
        ready = true;
    }
}
