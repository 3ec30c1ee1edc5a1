package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.TraceInstant;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error Messages and resets appear on the trace bus as they happen in the fabric. */
class PcieTraceTest {

    private static List<String> record(Rig rig) {
        List<String> seen = new ArrayList<>();
        rig.sim.trace().addListener(r -> {
            if (r instanceof TraceInstant i) {
                seen.add(i.timeNs() + " " + i.track() + ": " + i.name());
            }
        });
        return seen;
    }

    @Test
    void anErrorMessageIsTracedOnTheSendersTrackAndAnFlrOnTheResetsTrack() {
        Rig rig = AerErrorMessageTest.timeoutRig();
        EndpointFunction f = AerErrorMessageTest.timingOut(rig, EndpointParams.defaults("nic"));
        AerErrorMessageTest.enableReporting(rig.rc, f.bdf());
        List<String> seen = record(rig);
        f.detectCorrectableError(6); // Bad TLP, unmasked: ERR_COR
        ResetTest.flr(rig, f);
        String name = Bdf.pciName(f.bdf());
        assertEquals(List.of("0 AER " + name + ": ERR_COR", "0 PCIe resets: Function Level Reset of " + name), seen);
    }

    @Test
    void aSecondaryBusResetIsTracedWhenAssertedAndWhenReleased() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        PcieBridge port = f.device().upstreamPort();
        List<String> seen = record(rig);
        int bc = rig.rc.configRead(port.bdf(), PciRegs.BRIDGE_CONTROL, 2);
        rig.rc.configWrite(port.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc | PciRegs.BRIDGE_CTL_BUS_RESET);
        rig.sim.runUntil(2_000_000);
        rig.rc.configWrite(port.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc);
        String name = Bdf.pciName(port.bdf());
        assertEquals(2, seen.size());
        assertTrue(seen.get(0).equals("0 PCIe resets: Secondary Bus Reset asserted at " + name), seen.get(0));
        assertTrue(seen.get(1).equals("2000000 PCIe resets: Secondary Bus Reset released at " + name), seen.get(1));
    }
}
