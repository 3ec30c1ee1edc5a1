package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.pcie.config.PciRegs;
import org.junit.jupiter.api.Test;

/** Identity registers and firmware-left AER values as software reads them through config space. */
class EndpointIdentityTest {

    /** Linux pci_find_ext_capability() (drivers/pci/pci.c): walk the list from 0x100 by Next Capability Offset. */
    static int findExtCapability(RootComplex rc, int bdf, int capId) {
        int pos = 0x100;
        for (int ttl = 0; ttl < (4096 - 0x100) / 8 && pos >= 0x100; ttl++) {
            int header = rc.configRead(bdf, pos, 4);
            if (header == 0) {
                return 0;
            }
            if ((header & 0xffff) == capId) {
                return pos;
            }
            pos = (header >>> 20) & 0xffc;
        }
        return 0;
    }

    /** Linux pci_get_dsn(): lower DW at +4, upper at +8; 0 when the function has no DSN capability. */
    static long dsn(RootComplex rc, int bdf) {
        int pos = findExtCapability(rc, bdf, PciRegs.EXT_CAP_ID_DSN);
        if (pos == 0) {
            return 0;
        }
        return ((long) rc.configRead(bdf, pos + 8, 4) << 32) | (rc.configRead(bdf, pos + 4, 4) & 0xffffffffL);
    }

    /** Shaped like an Intel 82576 (8086:10c9, Ethernet, severity 0x00062011); subsystem, DSN and masks are example values. */
    static EndpointParams intel82576() {
        return EndpointParams.defaults("igb").toBuilder().vendorId(0x8086).deviceId(0x10c9).functions(2)
                .identity(EndpointIdentity.NONE.withClassCode(0x020000).withRevisionId(0x01).withSubsystem(0x8086, 0xa03c)
                        .withSerialNumber(0x001b21fffe4a5b6cL))
                .uncorrectableSeverity(PciRegs.UNC_SEVERITY_REPORT_2018).uncorrectableMask(0x00100000)
                .correctableMask(0x00003000).build();
    }

    @Test
    void configReadsReturnTheIdentityRegistersPcieR5Section7_5_1() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, intel82576());
        int bdf = f.bdf();
        assertEquals(0x8086, rig.rc.configRead(bdf, PciRegs.VENDOR_ID, 2));
        assertEquals(0x10c9, rig.rc.configRead(bdf, PciRegs.DEVICE_ID, 2));
        assertEquals(0x01, rig.rc.configRead(bdf, PciRegs.REVISION_ID, 1));
        assertEquals(0x00, rig.rc.configRead(bdf, PciRegs.CLASS_PROG, 1));
        assertEquals(0x0200, rig.rc.configRead(bdf, PciRegs.CLASS_DEVICE, 2), "PCI_CLASS_NETWORK_ETHERNET");
        assertEquals(0x02000001, rig.rc.configRead(bdf, PciRegs.REVISION_ID, 4), "dev->class = dword >> 8");
        assertEquals(0x8086, rig.rc.configRead(bdf, PciRegs.SUBSYSTEM_VENDOR_ID, 2));
        assertEquals(0xa03c, rig.rc.configRead(bdf, PciRegs.SUBSYSTEM_ID, 2));
        rig.rc.configWrite(bdf, PciRegs.SUBSYSTEM_VENDOR_ID, 4, 0);
        assertEquals(0xa03c8086, rig.rc.configRead(bdf, PciRegs.SUBSYSTEM_VENDOR_ID, 4), "identity is read-only");
    }

    @Test
    void deviceSerialNumberIsFoundByWalkingTheExtendedCapabilityListPcieR5Section7_9_3() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, intel82576());
        assertEquals(PciRegs.AER_CAP, findExtCapability(rig.rc, f.bdf(), PciRegs.EXT_CAP_ID_ERR));
        assertEquals(PciRegs.DSN_CAP, findExtCapability(rig.rc, f.bdf(), PciRegs.EXT_CAP_ID_DSN));
        assertEquals(0x001b21fffe4a5b6cL, dsn(rig.rc, f.bdf()));
        assertEquals(0x001b21fffe4a5b6cL, dsn(rig.rc, f.device().function(1).bdf()), "every function of the device");
    }

    @Test
    void defaultsKeepTheEarlierRegistersAllZeroAndNoSerialNumber() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.REVISION_ID, 4));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.SUBSYSTEM_VENDOR_ID, 4));
        assertEquals(0, findExtCapability(rig.rc, f.bdf(), PciRegs.EXT_CAP_ID_DSN));
        assertEquals(0, (rig.rc.configRead(f.bdf(), PciRegs.AER_CAP, 4) >>> 20), "AER is the last capability");
        assertEquals(PciRegs.UNC_SEVERITY_DEFAULT, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_MASK, 4));
        assertEquals(0x2000, rig.rc.configRead(f.bdf(), PciRegs.ERR_COR_MASK, 4));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCAP2, 4));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL2, 2));
    }

    @Test
    void firmwareLeftAerSeverityAndMasksAreReadAndSurviveFlrAsStickyBitsPcieR5Section7_8_4() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, intel82576());
        assertEquals(0x00062011, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0x00100000, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_MASK, 4));
        assertEquals(0x00003000, rig.rc.configRead(f.bdf(), PciRegs.ERR_COR_MASK, 4));
        ResetTest.flr(rig, f);
        rig.sim.runUntil(rig.sim.now() + f.params().flrCompletionNs());
        assertEquals(0x00062011, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0x00100000, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_MASK, 4));
        assertEquals(0x00003000, rig.rc.configRead(f.bdf(), PciRegs.ERR_COR_MASK, 4));
    }

    @Test
    void aMaskedUncorrectableErrorSetsStatusButNotTheFirstErrorPointerPcieR5Section6_2_3_2_2() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        // Completion Timeout (bit 14) masked by firmware
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic").toBuilder()
                .uncorrectableMask(1 << PciRegs.UNC_COMP_TIME).completionTimeoutNs(10_000).build());
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.issueRead(0x4000_0000L, 64);
        rig.sim.run();
        assertEquals(1 << PciRegs.UNC_COMP_TIME, rig.aerStatus(f));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.ERR_CAP, 4) & PciRegs.ERR_CAP_FEP_MASK);
    }

    @Test
    void identityFieldsAreRangeChecked() {
        assertThrows(IllegalArgumentException.class, () -> EndpointIdentity.NONE.withClassCode(0x1000000));
        assertThrows(IllegalArgumentException.class, () -> EndpointIdentity.NONE.withRevisionId(0x100));
        assertThrows(IllegalArgumentException.class, () -> EndpointIdentity.NONE.withSubsystem(0x10000, 0));
    }
}
