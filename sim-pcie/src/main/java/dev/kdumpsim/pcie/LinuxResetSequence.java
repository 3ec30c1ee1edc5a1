package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.function.Consumer;

/**
 * Runs Linux's FLR and SBR sequences against the model, only through config accesses, on the
 * simulation clock. A helper for sim-kernel (which owns the decision to reset); the device side
 * lives in {@link EndpointFunction} and {@link PcieBridge}.
 *
 * <p>FLR = pcie_flr(): pci_wait_for_pending_transaction(), set DevCtl Initiate FLR, msleep(100),
 * pci_dev_wait(). SBR = pci_reset_secondary_bus() then, per {@link SbrWaitPolicy}, v4.19's
 * ssleep(1) or v6.x's wait for link active + 100 ms, then pci_dev_wait() on the first child.
 * Linux's save/restore of config space around the reset is not done here.
 */
public final class LinuxResetSequence implements EventHandler {

    /**
     * @param startNs when the sequence began
     * @param endNs when Linux would return
     * @param pendingTimedOut Transactions Pending still set after ~700 ms (FLR done anyway)
     * @param ready the device answered within pci_dev_wait()'s 60 s
     */
    public record Outcome(long startNs, long endNs, boolean pendingTimedOut, boolean ready) {
    }

    private enum Step { TRPND, FLR_WAIT, SBR_DEASSERT, SBR_SETTLE, LINK_WAIT, POST_LINK, DEV_WAIT }

    private final RootComplex rc;
    private final Simulation sim;
    private final int targetBdf;
    private final int bridgeBdf;
    private final SbrWaitPolicy policy;
    private final Consumer<Outcome> done;
    private final long start;
    private Step step;
    private int trpndReads;
    private boolean pendingTimedOut;
    private long devWaitDelay;
    private long devWaitTotal;
    private long linkWaited;

    private LinuxResetSequence(RootComplex rc, int targetBdf, int bridgeBdf, SbrWaitPolicy policy,
            Consumer<Outcome> done) {
        this.rc = rc;
        this.sim = rc.simulation();
        this.targetBdf = targetBdf;
        this.bridgeBdf = bridgeBdf;
        this.policy = policy;
        this.done = done;
        this.start = sim.now();
    }

    /** Starts pcie_flr() on {@code bdf} now. */
    public static void flr(RootComplex rc, int bdf, Consumer<Outcome> done) {
        LinuxResetSequence s = new LinuxResetSequence(rc, bdf, -1, null, done);
        s.step = Step.TRPND;
        s.onEvent(0);
    }

    /** Starts a Secondary Bus Reset of {@code bridgeBdf}, then waits for {@code childBdf} as Linux does. */
    public static void secondaryBusReset(RootComplex rc, int bridgeBdf, int childBdf, SbrWaitPolicy policy,
            Consumer<Outcome> done) {
        LinuxResetSequence s = new LinuxResetSequence(rc, childBdf, bridgeBdf, policy, done);
        int bc = rc.configRead(bridgeBdf, PciRegs.BRIDGE_CONTROL, 2);
        rc.configWrite(bridgeBdf, PciRegs.BRIDGE_CONTROL, 2, bc | PciRegs.BRIDGE_CTL_BUS_RESET);
        s.step = Step.SBR_DEASSERT;
        rc.simulation().scheduleAfter(LinuxResetTiming.SBR_ASSERT_NS, s, 0);
    }

    /**
     * Starts a Secondary Bus Reset of {@code port} (a Root Port or a switch Downstream Port, or a
     * switch Upstream Port for the whole switch) and waits for the first device below it, as
     * Linux's pci_bridge_secondary_bus_reset() -> pci_bridge_wait_for_secondary_bus() waits for
     * the first entry of the subordinate bus (drivers/pci/pci.c). Only the hierarchy below
     * {@code port} is reset.
     *
     * @throws IllegalArgumentException if nothing is attached below {@code port}
     */
    public static void secondaryBusReset(RootComplex rc, PcieBridge port, SbrWaitPolicy policy,
            Consumer<Outcome> done) {
        int child;
        if (!port.endpoints().isEmpty()) {
            child = port.endpoints().get(0).function(0).bdf();
        } else if (!port.bridges().isEmpty()) {
            child = port.bridges().get(0).bdf();
        } else {
            throw new IllegalArgumentException("nothing below " + port.name() + " to wait for");
        }
        secondaryBusReset(rc, port.bdf(), child, policy, done);
    }

    @Override
    public void onEvent(long arg) {
        switch (step) {
            case TRPND: {
                boolean pending = (rc.configRead(targetBdf, PciRegs.EXP_DEVSTA, 2) & PciRegs.EXP_DEVSTA_TRPND) != 0;
                if (pending && trpndReads < LinuxResetTiming.TRPND_SLEEPS_NS.length) {
                    sim.scheduleAfter(LinuxResetTiming.TRPND_SLEEPS_NS[trpndReads++], this, 0);
                    return;
                }
                pendingTimedOut = pending;
                int ctl = rc.configRead(targetBdf, PciRegs.EXP_DEVCTL, 2);
                rc.configWrite(targetBdf, PciRegs.EXP_DEVCTL, 2, ctl | PciRegs.EXP_DEVCTL_BCR_FLR);
                step = Step.FLR_WAIT;
                sim.scheduleAfter(LinuxResetTiming.FLR_WAIT_NS, this, 0);
                return;
            }
            case FLR_WAIT:
            case SBR_SETTLE:
            case POST_LINK:
                startDevWait();
                return;
            case SBR_DEASSERT: {
                int bc = rc.configRead(bridgeBdf, PciRegs.BRIDGE_CONTROL, 2);
                rc.configWrite(bridgeBdf, PciRegs.BRIDGE_CONTROL, 2, bc & ~PciRegs.BRIDGE_CTL_BUS_RESET);
                if (policy == SbrWaitPolicy.V4_19_SSLEEP_1S) {
                    step = Step.SBR_SETTLE;
                    sim.scheduleAfter(LinuxResetTiming.V4_19_SBR_SETTLE_NS, this, 0);
                } else {
                    step = Step.LINK_WAIT;
                    onEvent(0);
                }
                return;
            }
            case LINK_WAIT: {
                boolean active = (rc.configRead(bridgeBdf, PciRegs.EXP_LNKSTA, 2) & PciRegs.EXP_LNKSTA_DLLLA) != 0;
                if (!active && linkWaited < LinuxResetTiming.V6_LINK_WAIT_TIMEOUT_NS) {
                    linkWaited += LinuxResetTiming.V6_LINK_POLL_NS;
                    sim.scheduleAfter(LinuxResetTiming.V6_LINK_POLL_NS, this, 0);
                    return;
                }
                step = Step.POST_LINK;
                sim.scheduleAfter(LinuxResetTiming.V6_POST_LINK_DELAY_NS, this, 0);
                return;
            }
            case DEV_WAIT:
            default:
                devWait();
        }
    }

    private void startDevWait() {
        step = Step.DEV_WAIT;
        devWaitDelay = LinuxResetTiming.DEV_WAIT_FIRST_DELAY_NS;
        devWaitTotal = 0;
        devWait();
    }

    /** pci_dev_wait(): read Command until not ~0, sleeping 1, 2, 4 ... ms, up to 60 s. */
    private void devWait() {
        if (rc.configRead(targetBdf, PciRegs.COMMAND, 4) != 0xffffffff) {
            done.accept(new Outcome(start, sim.now(), pendingTimedOut, true));
            return;
        }
        if (devWaitTotal > LinuxResetTiming.RESET_READY_POLL_NS) {
            done.accept(new Outcome(start, sim.now(), pendingTimedOut, false));
            return;
        }
        sim.scheduleAfter(devWaitDelay, this, 0);
        devWaitTotal += devWaitDelay;
        devWaitDelay *= 2;
    }
}
