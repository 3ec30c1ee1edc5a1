package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.value.Bdf;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on snippets in the forms the kernel prints. */
class RulesTest {

    private static Bdf bdf(String s) {
        return Bdf.parse(s);
    }

    @Test
    void archFromArm64AndX86Lines() {
        Facts a = Snippets.facts("[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x431f0af1]\n[    0.0] GICv3: 256 SPIs implemented\n", new ArchRule());
        assertEquals(2, a.arm64Evidence);
        assertEquals(0, a.x86Evidence);
        Facts x = Snippets.facts("[    0.000000] x86/fpu: Supporting XSAVE\nDMAR: IOMMU enabled\n", new ArchRule());
        assertEquals(2, x.x86Evidence);
    }

    @Test
    void kernelVersionPerKernel() {
        Facts f = Snippets.facts("[    0.000000] Linux version 4.16.0-rc1+ (u@h) (gcc 7)\n[   20.0] x: y\n[    0.000000] Linux version 5.2.0 (u@h)\n",
                new KernelVersionRule());
        assertEquals("4.16.0-rc1+", f.versions.get(0));
        assertEquals("5.2.0", f.versions.get(1));
    }

    @Test
    void commandLinesOfEachKernel() {
        Facts f = Snippets.facts("Kernel command line: console=ttyAMA0 crashkernel=2G\nKernel command line: again\n", new CommandLineRule());
        assertEquals(1, f.cmdlines.size());
        assertEquals("console=ttyAMA0 crashkernel=2G", f.cmdlines.get(0).text());
        Facts x = Snippets.facts("Command line: BOOT_IMAGE=/vmlinuz reset_devices\n", new CommandLineRule());
        assertEquals("BOOT_IMAGE=/vmlinuz reset_devices", x.cmdlines.get(0).text());
    }

    @Test
    void crashkernelArm64AndX86() {
        Facts a = Snippets.facts("[    0.000000] crashkernel reserved: 0x000000007fe00000 - 0x00000000ffe00000 (2048 MB)\n", new CrashkernelRule());
        assertEquals(0x7fe00000L, a.crashkernelBase);
        assertEquals(2048L << 20, a.crashkernelSize);
        assertEquals(1, a.distinctive.size());
        Facts x = Snippets.facts("[    0.000000] Reserving 512MB of memory at 1536MB for crashkernel (System RAM: 16383MB)\n", new CrashkernelRule());
        assertEquals(1536L << 20, x.crashkernelBase);
        assertEquals(512L << 20, x.crashkernelSize);
        assertEquals(16383L, x.systemRamMiB);
    }

    @Test
    void smmuIdentityAndReset() {
        Facts f = Snippets.facts("arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, oas 44-bit (features 0x00001fef)\n"
                + "arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting...\n", new SmmuIdentityRule());
        assertEquals(48, f.smmuIas);
        assertEquals(44, f.smmuOas);
        assertEquals("0x00001fef", f.smmuFeatures);
        assertEquals("arm-smmu-v3.0.auto", f.smmuDevice);
        assertTrue(f.smmuReset);
    }

    @Test
    void smmuEventRecordsWithTheirStreamId() {
        String rec = "arm-smmu-v3 arm-smmu-v3.0.auto: event 0x02 received:\n"
                + "arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000010100000002\n"
                + "arm-smmu-v3 arm-smmu-v3.0.auto:        0x0000000000000000\n" // a tab turned into spaces by a mail client
                + "arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\n"
                + "arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\n";
        Facts f = Snippets.facts(rec + rec + rec + rec, new SmmuEventRule());
        assertEquals(4, f.eventCount);
        assertEquals(0x02, f.events.get(0).id());
        assertEquals(0x101, f.events.get(0).streamId());
        assertEquals(4, f.distinctive.size(), "the first three records go to expect.log, identical untimed lines once: header, 0x101 dword, zero dword with a tab and with spaces");
    }

    @Test
    void anEventHeaderWithoutItsDwordsIsNoRecord() {
        Facts f = Snippets.facts("arm-smmu-v3 x: event 0x10 received:\narm-smmu-v3 x: \t0x0000010000000010\n", new SmmuEventRule());
        assertEquals(0, f.eventCount);
    }

    @Test
    void dmarFaultNamesTheDevice() {
        Facts f = Snippets.facts("DMAR: DRHD: handling fault status reg 2\n"
                + "DMAR: [DMA Read] Request device [01:00.0] fault addr 0xfff00000 [fault reason 0x06] PTE Read access is not set\n"
                + "DMAR: [DMA Write] Request device [02:00.1] PASID ffffffff fault addr fff00000 [fault reason 05] PTE Write access is not set\n",
                new DmarRule());
        assertTrue(f.vtd);
        assertEquals(2, f.dmarFaultCount);
        assertEquals(Set.of(bdf("01:00.0"), bdf("02:00.1")), f.devices.keySet());
    }

    @Test
    void devicesAndDriversFromDevPrintkPrefixes() {
        Facts f = Snippets.facts("pci 0000:01:00.0: [8086:10c9] type 00 class 0x020000\n"
                + "igb 0000:01:00.0: Intel(R) Gigabit Ethernet Network Connection\n"
                + "pcieport 0000:00:01.0: AER: enabled with IRQ 63\n"
                + "nvme 0001:02:00.0: ready\n", new DeviceRule());
        DeviceFacts igb = f.devices.get(bdf("01:00.0"));
        assertEquals("igb", igb.drivers.get(0));
        assertEquals(0x8086, igb.vendorId);
        assertEquals(0x10c9, igb.deviceId);
        assertEquals(0x020000, igb.classCode);
        assertTrue(f.rootPorts.contains(bdf("00:01.0")));
        assertEquals("nvme", f.devices.get(bdf("0001:02:00.0")).drivers.get(0));
    }

    @Test
    void firmwareFirstAerSeverityAndErrorNames() {
        Facts f = Snippets.facts("pci 0000:01:00.0: aer_status: 0x00040000, aer_mask: 0x00000000\npci 0000:01:00.0: Malformed TLP\n"
                + "pci 0000:01:00.0: aer_layer=Transaction Layer, aer_agent=Receiver ID\npci 0000:01:00.0: aer_uncor_severity: 0x00062011\n"
                + "pci 0000:01:00.0: TLP Header: 0a00a000 00008100 01010100 00000000\n", new AerFirmwareFirstRule());
        DeviceFacts d = f.devices.get(bdf("01:00.0"));
        assertEquals(0x00062011L, d.uncorSeverity);
        assertEquals(Set.of("Malformed TLP"), d.errors);
        assertTrue(f.aerFirmwareFirst);
        assertEquals(5, f.distinctive.size());
    }

    @Test
    void nativeAerPortIdsAndBits() {
        Facts f = Snippets.facts("pcieport 0000:00:01.0: AER: Uncorrected (Non-Fatal) error received: 0000:01:00.0\n"
                + "igb 0000:01:00.0: AER: PCIe Bus Error: severity=Uncorrected (Non-Fatal), type=Transaction Layer, (Requester ID)\n"
                + "igb 0000:01:00.0: AER:   device [8086:10c9] error status/mask=00004000/00000000\n"
                + "igb 0000:01:00.0: AER:    [14] CmpltTO                (First)\n", new AerNativeRule());
        assertTrue(f.aerNative);
        assertEquals(bdf("00:01.0"), f.portOf.get(bdf("01:00.0")));
        assertTrue(f.rootPorts.contains(bdf("00:01.0")));
        DeviceFacts d = f.devices.get(bdf("01:00.0"));
        assertEquals(0x8086, d.vendorId);
        assertEquals(Set.of("CmpltTO"), d.errors);
        assertEquals(4, f.distinctive.size());
    }

    @Test
    void cperSectionIdsAndClass() {
        Facts f = Snippets.facts("{1}[Hardware Error]: event severity: recoverable\n{1}[Hardware Error]:   device_id: 0000:01:00.0\n"
                + "{1}[Hardware Error]:   vendor_id: 0x8086, device_id: 0x10c9\n{1}[Hardware Error]:   class_code: 020000\n", new CperRule());
        DeviceFacts d = f.devices.get(bdf("01:00.0"));
        assertEquals(0x8086, d.vendorId);
        assertEquals(0x10c9, d.deviceId);
        assertEquals(0x020000, d.classCode);
        assertTrue(f.aerFirmwareFirst);
        assertEquals(1, f.distinctive.size());
    }

    @Test
    void panicAndCrashdump() {
        Facts f = Snippets.facts("[ 3600.000601] Kernel panic - not syncing: Fatal exception\n[ 3600.000601] Starting crashdump kernel...\n", new PanicRule());
        assertEquals(3600.000601, f.panic.seconds(), 1e-9);
        assertEquals(2, f.distinctive.size());
    }

    @Test
    void linesNoRuleKnowsLeaveNoFacts() {
        Facts f = Snippets.facts("hello world\n[ 1.0] random: crng init done\nx 0000:zz:00.0: nope\n");
        assertTrue(f.devices.isEmpty());
        assertTrue(f.distinctive.isEmpty());
        assertNull(f.smmuOas);
        assertFalse(f.vtd);
        assertEquals(List.of(), f.cmdlines);
    }
}
