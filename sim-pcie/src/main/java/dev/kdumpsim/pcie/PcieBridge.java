package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.pcie.aer.AerCapability;
import dev.kdumpsim.pcie.aer.ErrorMessage;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A PCI-to-PCI bridge: root port, switch upstream port or switch downstream port, with a Type 1
 * config space (bus numbers, Bridge Control), PCIe capability (Link Status DLLLA) and AER.
 *
 * <p>Behaviour modelled:
 * <ul>
 * <li>Bus Master Enable clear: the bridge does not forward memory requests upstream (PCIe r6.0
 * §7.5.1.1.3, quoted in Linux commit 62b6dee1b44a); a read gets a UR completion from the bridge,
 * a posted write is dropped.</li>
 * <li>Secondary Bus Reset (Bridge Control bit 6, PCI-to-PCI Bridge Arch 1.2 §3.2.5.18): while set,
 * the secondary link is down, TLPs in flight below are lost and everything below takes a
 * Conventional Reset (non-sticky state cleared, sticky AER bits kept). On clear, the link trains
 * for {@code linkTrainingNs}, then Data Link Layer Link Active is set (Link Status bit 13) and the
 * devices below become ready after their own {@code readyAfterLinkUpNs}.</li>
 * <li>Error Messages (PCIe r5.0 §6.2.5-6.2.6): a switch port forwards ERR_* from below per
 * Bridge Control / Command SERR# Enable; a Root Port logs what arrives in Root Error Status and
 * Error Source Identification (§7.8.4.10-11) and hands it to the root complex's
 * {@link ErrorMessageListener}s.</li>
 * </ul>
 * Not modelled: link speeds/widths, ACS, hot-plug, DPC, bus-number-based routing checks, Root
 * Control System Error enables, the time a Message takes to travel (delivered when detected).
 */
public final class PcieBridge extends PcieFunction {

    /** Default time from SBR deassert to DLLLA (well inside the 100 ms PCIe r4.0 §6.6.1 allows). */
    public static final long DEFAULT_LINK_TRAINING_NS = 20_000_000L;

    private final PortType type;
    private final PcieBridge parent;
    private final int secondaryBus;
    private final List<PcieBridge> bridges = new ArrayList<>();
    private final List<EndpointDevice> endpoints = new ArrayList<>();
    private long linkTrainingNs = DEFAULT_LINK_TRAINING_NS;
    private boolean ready = true;
    private boolean linkActive = true;
    private boolean resetAsserted;
    private long linkEpoch;
    private final EventHandler linkTrained = this::onLinkTrained;

    PcieBridge(RootComplex rc, PortType type, PcieBridge parent, int bdf, int secondaryBus) {
        super(rc, bdf);
        this.type = type;
        this.parent = parent;
        this.secondaryBus = secondaryBus;
        defineCommonHeader(0x19e5, 0x1610 + type.ordinal(), 0x01, type.expType(), 0);
        config.define(PciRegs.PRIMARY_BUS, 1, Bdf.bus(bdf), 0xff, 0, 0);
        config.define(PciRegs.SECONDARY_BUS, 1, secondaryBus, 0xff, 0, 0);
        config.define(PciRegs.SUBORDINATE_BUS, 1, secondaryBus, 0xff, 0, 0);
        config.define(PciRegs.BRIDGE_CONTROL, 2, 0, 0x0fff, 0, 0);
        config.define(PciRegs.EXP_LNKCAP, 4, PciRegs.EXP_LNKCAP_DLLLARC | 0x10 << 4 | 0x3, 0, 0, 0);
        config.define(PciRegs.EXP_LNKSTA, 2, PciRegs.EXP_LNKSTA_DLLLA | 0x10 << 4 | 0x3, 0, 0, 0);
        AerCapability.define(config, PciRegs.UNC_SEVERITY_DEFAULT);
        if (type == PortType.ROOT_PORT) {
            AerCapability.defineRootPort(config);
        }
    }

    public PortType type() {
        return type;
    }

    /** The bridge above, or null for a root port. */
    public PcieBridge parent() {
        return parent;
    }

    public int secondaryBus() {
        return secondaryBus;
    }

    public List<PcieBridge> bridges() {
        return Collections.unmodifiableList(bridges);
    }

    public List<EndpointDevice> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }

    public void setLinkTrainingNs(long ns) {
        if (ns < 0) {
            throw new IllegalArgumentException("linkTrainingNs must be >= 0");
        }
        linkTrainingNs = ns;
    }

    // ---- topology ---------------------------------------------------------------------------

    /** Puts a switch's upstream port on this port's link; it gets {@code switchInternalBus}. */
    public PcieBridge addSwitchUpstreamPort(int switchInternalBus) {
        requireLinkOwner();
        PcieBridge b = new PcieBridge(rc, PortType.SWITCH_UPSTREAM, this, Bdf.of(secondaryBus, 0, 0), switchInternalBus);
        bridges.add(b);
        rc.register(b);
        return b;
    }

    /** Adds a switch downstream port (device {@code device} on the switch's internal bus). */
    public PcieBridge addDownstreamPort(int device, int secondaryBusOfPort) {
        if (type != PortType.SWITCH_UPSTREAM) {
            throw new IllegalStateException("downstream ports belong to a switch upstream port, not a " + type);
        }
        PcieBridge b = new PcieBridge(rc, PortType.SWITCH_DOWNSTREAM, this, Bdf.of(secondaryBus, device, 0),
                secondaryBusOfPort);
        bridges.add(b);
        rc.register(b);
        return b;
    }

    /** Attaches an endpoint device (device number 0) on this port's link. */
    public EndpointDevice attachEndpoint(EndpointParams params) {
        requireLinkOwner();
        EndpointDevice d = new EndpointDevice(rc, this, secondaryBus, 0, params);
        endpoints.add(d);
        for (EndpointFunction f : d.functions()) {
            rc.register(f);
        }
        return d;
    }

    private void requireLinkOwner() {
        if (type == PortType.SWITCH_UPSTREAM) {
            throw new IllegalStateException("a switch upstream port has an internal bus; add downstream ports to it");
        }
        if (!endpoints.isEmpty() || !bridges.isEmpty()) {
            throw new IllegalStateException(name() + " already has a device on its link");
        }
    }

    // ---- state ------------------------------------------------------------------------------

    @Override
    public boolean isReady() {
        return ready;
    }

    /** Whether this bridge forwards memory requests from below upstream. */
    public boolean forwardsUpstream() {
        return ready && busMasterEnabled();
    }

    /** Data Link Layer Link Active of the secondary link. */
    public boolean isLinkActive() {
        return linkActive;
    }

    /** Whether Secondary Bus Reset is currently asserted. */
    public boolean isSecondaryResetAsserted() {
        return resetAsserted;
    }

    @Override
    protected void afterConfigWrite(int oldCommand, int newCommand, int oldBc, int newBc, int devctl) {
        boolean was = (oldBc & PciRegs.BRIDGE_CTL_BUS_RESET) != 0;
        boolean now = (newBc & PciRegs.BRIDGE_CTL_BUS_RESET) != 0;
        if (!was && now) {
            PcieTrace.reset(rc.simulation(), "Secondary Bus Reset asserted at", bdf);
            resetAsserted = true;
            takeLinkDown();
        } else if (was && !now) {
            PcieTrace.reset(rc.simulation(), "Secondary Bus Reset released at", bdf);
            resetAsserted = false;
            rc.simulation().scheduleAfter(linkTrainingNs, linkTrained, ++linkEpoch);
        }
    }

    private void takeLinkDown() {
        linkActive = false;
        linkEpoch++;
        config.hwClear(PciRegs.EXP_LNKSTA, 2, PciRegs.EXP_LNKSTA_DLLLA);
        for (EndpointDevice d : endpoints) {
            d.linkDown();
        }
        for (PcieBridge b : bridges) {
            b.conventionalReset();
        }
    }

    /** Conventional Reset from above: own non-sticky state cleared, and everything below. */
    private void conventionalReset() {
        config.resetNonSticky();
        ready = false;
        resetAsserted = false;
        takeLinkDown();
    }

    private void onLinkTrained(long epoch) {
        if (epoch != linkEpoch || resetAsserted) {
            return;
        }
        linkUpCascade();
    }

    private void linkUpCascade() {
        ready = true;
        linkActive = true;
        config.hwSet(PciRegs.EXP_LNKSTA, 2, PciRegs.EXP_LNKSTA_DLLLA);
        for (EndpointDevice d : endpoints) {
            d.linkTrained();
        }
        for (PcieBridge b : bridges) {
            b.linkUpCascade();
        }
    }

    /**
     * This port's own error Messages (for an error it detected as completer or receiver, logged with
     * the TLP header): a Root Port records them as if received (PCIe r5.0 §6.2.4.1.2), a switch
     * port sends them upstream.
     */
    @Override
    protected void signal(ErrorMessage m) {
        if (parent == null) {
            receiveErrorMessage(m, bdf);
        } else {
            rc.errorMessage(parent, bdf, m);
        }
    }

    /**
     * Whether this switch port forwards an error Message from its secondary to its primary side:
     * Bridge Control SERR# Enable for all three, and Command SERR# Enable too for ERR_NONFATAL and
     * ERR_FATAL (PCIe r5.0 §7.5.1.3.13, §7.5.1.1.3); a port in reset forwards nothing. Linux sets
     * Bridge Control SERR# on every bridge it enumerates (drivers/pci/probe.c pci_configure_serr()).
     */
    boolean forwardsErrorMessage(ErrorMessage m) {
        if (!ready) {
            return false;
        }
        if ((config.read(PciRegs.BRIDGE_CONTROL, 2) & PciRegs.BRIDGE_CTL_SERR) == 0) {
            return false;
        }
        return m == ErrorMessage.ERR_COR || (config.read(PciRegs.COMMAND, 2) & PciRegs.COMMAND_SERR) != 0;
    }

    /** A Root Port receives a Message: Root Error Status / Error Source Identification, then the listeners. */
    void receiveErrorMessage(ErrorMessage m, int requesterId) {
        AerCapability.recordRootErrorMessage(config, m, requesterId);
        rc.deliverErrorMessage(this, m, requesterId, AerCapability.rootInterruptEnabled(config, m));
    }
}
