package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.aer.ErrorMessage;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stale AER status as an enumerating kernel finds and clears it, and ERR_* Messages reaching the
 * Root Port (PCIe r5.0 §6.2.5, §7.8.4.9-11; Linux drivers/pci/pcie/aer.c).
 */
class AerErrorMessageTest {

    record Received(int rootPortBdf, ErrorMessage message, int requesterId, boolean interrupt) {
    }

    static List<Received> listen(RootComplex rc) {
        List<Received> l = new ArrayList<>();
        rc.addErrorMessageListener((rp, m, rid, irq) -> l.add(new Received(rp.bdf(), m, rid, irq)));
        return l;
    }

    /** Linux pci_aer_init() -> pcie_aer enable: DevCtl CERE|NFERE|FERE|URRE (PCI_EXP_AER_FLAGS). */
    static void enableReporting(RootComplex rc, int bdf) {
        int ctl = rc.configRead(bdf, PciRegs.EXP_DEVCTL, 2);
        rc.configWrite(bdf, PciRegs.EXP_DEVCTL, 2, ctl | 0xf);
    }

    /** Linux pci_aer_raw_clear_status(): read each status register and write the value back (RW1C). */
    static void pciAerRawClearStatus(RootComplex rc, int bdf, boolean rootPort) {
        if (rootPort) {
            rc.configWrite(bdf, PciRegs.ERR_ROOT_STATUS, 4, rc.configRead(bdf, PciRegs.ERR_ROOT_STATUS, 4));
        }
        rc.configWrite(bdf, PciRegs.ERR_COR_STATUS, 4, rc.configRead(bdf, PciRegs.ERR_COR_STATUS, 4));
        rc.configWrite(bdf, PciRegs.ERR_UNCOR_STATUS, 4, rc.configRead(bdf, PciRegs.ERR_UNCOR_STATUS, 4));
    }

    static Rig timeoutRig() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_SILENT;
        return rig;
    }

    static EndpointFunction timingOut(Rig rig, EndpointParams p) {
        EndpointFunction f = DmaPathTest.endpoint(rig, p.withCompletionTimeoutNs(10_000));
        rig.enable(f);
        return f;
    }

    @Test
    void staleStickyStatusSurvivesResetAndIsClearedByLinuxAerInitRw1cWrites() {
        Rig rig = timeoutRig();
        EndpointFunction f = timingOut(rig, EndpointParams.defaults("nic"));
        PcieBridge rp = f.device().upstreamPort();
        enableReporting(rig.rc, f.bdf());
        f.issueRead(0x4000_0000L, 64);
        f.detectCorrectableError(6); // Bad TLP
        rig.sim.run();
        // the crashed kernel never handled them; a reset does not clear sticky bits (§7.8.4)
        ResetTest.flr(rig, f);
        rig.sim.runUntil(rig.sim.now() + f.params().flrCompletionNs());
        assertEquals(1 << PciRegs.UNC_COMP_TIME, rig.aerStatus(f));
        assertEquals(1 << 6, rig.rc.configRead(f.bdf(), PciRegs.ERR_COR_STATUS, 4));
        assertEquals(PciRegs.UNC_COMP_TIME, rig.rc.configRead(f.bdf(), PciRegs.ERR_CAP, 4) & PciRegs.ERR_CAP_FEP_MASK);
        assertTrue((rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4) & PciRegs.ERR_ROOT_UNCOR_RCV) != 0);

        pciAerRawClearStatus(rig.rc, f.bdf(), false);
        pciAerRawClearStatus(rig.rc, rp.bdf(), true);
        assertEquals(0, rig.aerStatus(f));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.ERR_COR_STATUS, 4));
        assertEquals(0, rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4));
    }

    @Test
    void headerLogAndFirstErrorPointerAreReadThroughConfigSpace() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.report2018("nic"));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.issueRead(0x4000_0040L, 64);
        rig.sim.run();
        assertEquals(PciRegs.UNC_MALF_TLP, rig.rc.configRead(f.bdf(), PciRegs.ERR_CAP, 4) & PciRegs.ERR_CAP_FEP_MASK);
        int dw0 = rig.rc.configRead(f.bdf(), PciRegs.ERR_HEADER_LOG, 4);
        int dw2 = rig.rc.configRead(f.bdf(), PciRegs.ERR_HEADER_LOG + 8, 4);
        assertEquals(0x0a, dw0 >>> 24, "Fmt/Type of a Cpl");
        assertEquals(f.bdf(), dw2 >>> 16, "Requester ID of the completion");
        assertEquals(0x40, dw2 & 0x7f, "Lower Address");
    }

    @Test
    void anUnmaskedNonFatalErrorReachesTheRootPortWithItsRequesterId() {
        Rig rig = timeoutRig();
        List<Received> got = listen(rig.rc);
        EndpointFunction f = timingOut(rig, EndpointParams.defaults("nic"));
        PcieBridge rp = f.device().upstreamPort();
        enableReporting(rig.rc, f.bdf());
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(List.of(new Received(rp.bdf(), ErrorMessage.ERR_NONFATAL, f.bdf(), false)), got);
        assertEquals(PciRegs.ERR_ROOT_UNCOR_RCV | PciRegs.ERR_ROOT_NONFATAL_RCV,
                rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4));
        assertEquals(f.bdf() << 16, rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_ERR_SRC, 4));
        // a second one before software clears: Multiple, source kept
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(2, got.size());
        assertEquals(PciRegs.ERR_ROOT_UNCOR_RCV | PciRegs.ERR_ROOT_MULTI_UNCOR_RCV | PciRegs.ERR_ROOT_NONFATAL_RCV,
                rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4));
    }

    @Test
    void aFatalSeverityGivesErrFatalAndFirstUncorrectableFatal() {
        Rig rig = timeoutRig();
        List<Received> got = listen(rig.rc);
        EndpointFunction f = timingOut(rig, EndpointParams.defaults("nic").toBuilder()
                .uncorrectableSeverity(PciRegs.UNC_SEVERITY_DEFAULT | 1 << PciRegs.UNC_COMP_TIME).build());
        PcieBridge rp = f.device().upstreamPort();
        enableReporting(rig.rc, f.bdf());
        rig.rc.configWrite(rp.bdf(), PciRegs.ERR_ROOT_COMMAND, 4, PciRegs.ERR_ROOT_CMD_FATAL_EN);
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(List.of(new Received(rp.bdf(), ErrorMessage.ERR_FATAL, f.bdf(), true)), got);
        assertEquals(PciRegs.ERR_ROOT_UNCOR_RCV | PciRegs.ERR_ROOT_FIRST_FATAL | PciRegs.ERR_ROOT_FATAL_RCV,
                rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4));
    }

    @Test
    void withoutReportingEnablesOrWhenMaskedNoMessageIsSentButStatusIsLogged() {
        Rig rig = timeoutRig();
        List<Received> got = listen(rig.rc);
        EndpointFunction f = timingOut(rig, EndpointParams.defaults("nic"));
        PcieBridge rp = f.device().upstreamPort();
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(1 << PciRegs.UNC_COMP_TIME, rig.aerStatus(f));
        enableReporting(rig.rc, f.bdf());
        rig.rc.configWrite(f.bdf(), PciRegs.ERR_UNCOR_MASK, 4, 1 << PciRegs.UNC_COMP_TIME);
        f.issueRead(0x4000_0000L, 64);
        f.detectCorrectableError(13); // Advisory Non-Fatal: masked at reset (§7.8.4.6)
        rig.sim.run();
        assertEquals(List.of(), got);
        assertEquals(0, rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4));
    }

    @Test
    void commandSerrEnableAloneLetsUncorrectableErrorsBeSignalled() {
        Rig rig = timeoutRig();
        List<Received> got = listen(rig.rc);
        EndpointFunction f = timingOut(rig, EndpointParams.defaults("nic"));
        rig.rc.configWrite(f.bdf(), PciRegs.COMMAND, 2, PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER
                | PciRegs.COMMAND_SERR);
        f.issueRead(0x4000_0000L, 64);
        f.detectCorrectableError(6);
        rig.sim.run();
        assertEquals(List.of(new Received(f.device().upstreamPort().bdf(), ErrorMessage.ERR_NONFATAL, f.bdf(), false)),
                got, "SERR# covers ERR_NONFATAL/ERR_FATAL only, not ERR_COR (§7.5.1.1.3)");
    }

    @Test
    void correctableErrorsGiveErrCorAndMultipleErrCor() {
        Rig rig = new Rig();
        List<Received> got = listen(rig.rc);
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        PcieBridge rp = f.device().upstreamPort();
        enableReporting(rig.rc, f.bdf());
        rig.rc.configWrite(rp.bdf(), PciRegs.ERR_ROOT_COMMAND, 4, PciRegs.ERR_ROOT_CMD_COR_EN);
        f.detectCorrectableError(12);
        f.detectCorrectableError(6);
        assertEquals(List.of(new Received(rp.bdf(), ErrorMessage.ERR_COR, f.bdf(), true),
                new Received(rp.bdf(), ErrorMessage.ERR_COR, f.bdf(), true)), got);
        assertEquals(PciRegs.ERR_ROOT_COR_RCV | PciRegs.ERR_ROOT_MULTI_COR_RCV,
                rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_STATUS, 4));
        assertEquals(f.bdf(), rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_ERR_SRC, 4) & 0xffff);
        assertEquals((1 << 12) | (1 << 6), rig.rc.configRead(f.bdf(), PciRegs.ERR_COR_STATUS, 4));
    }

    @Test
    void theRootPortSignalsTheCompleterAbortItLogsItselfWithItsOwnId() {
        Rig rig = new Rig(); // REPORT_2018: the root port logs CA as completer
        List<Received> got = listen(rig.rc);
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        PcieBridge rp = f.device().upstreamPort();
        enableReporting(rig.rc, rp.bdf());
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(1 << PciRegs.UNC_COMP_ABORT, rig.aerStatus(rp));
        assertEquals(List.of(new Received(rp.bdf(), ErrorMessage.ERR_NONFATAL, rp.bdf(), false)), got);
        assertEquals(rp.bdf() << 16, rig.rc.configRead(rp.bdf(), PciRegs.ERR_ROOT_ERR_SRC, 4));
    }

    @Test
    void aSwitchForwardsErrorMessagesOnlyWithSerrEnablesPcieR5Section7_5_1_3_13() {
        Rig rig = timeoutRig();
        List<Received> got = listen(rig.rc);
        PcieBridge rp = rig.rc.addRootPort(1, 1);
        PcieBridge up = rp.addSwitchUpstreamPort(2);
        PcieBridge dp = up.addDownstreamPort(0, 3);
        rig.rc.enableAllBridges();
        EndpointFunction f = dp.attachEndpoint(EndpointParams.defaults("nic").withCompletionTimeoutNs(10_000)).function(0);
        rig.enable(f);
        enableReporting(rig.rc, f.bdf());
        f.detectCorrectableError(6);
        assertEquals(List.of(), got, "Bridge Control SERR# clear: not forwarded");
        for (PcieBridge b : List.of(up, dp)) { // Linux pci_configure_serr()
            rig.rc.configWrite(b.bdf(), PciRegs.BRIDGE_CONTROL, 2, PciRegs.BRIDGE_CTL_SERR);
        }
        f.detectCorrectableError(6);
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(List.of(new Received(rp.bdf(), ErrorMessage.ERR_COR, f.bdf(), false)), got,
                "ERR_NONFATAL also needs the switch ports' Command SERR#");
        for (PcieBridge b : List.of(up, dp)) {
            int cmd = rig.rc.configRead(b.bdf(), PciRegs.COMMAND, 2);
            rig.rc.configWrite(b.bdf(), PciRegs.COMMAND, 2, cmd | PciRegs.COMMAND_SERR);
        }
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(new Received(rp.bdf(), ErrorMessage.ERR_NONFATAL, f.bdf(), false), got.get(1));
        assertFalse(got.size() > 2);
    }
}
