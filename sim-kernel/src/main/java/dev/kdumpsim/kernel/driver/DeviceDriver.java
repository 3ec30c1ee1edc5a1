package dev.kdumpsim.kernel.driver;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.DmaDomain;
import dev.kdumpsim.kernel.iova.IovaDevice;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.pci.err.BoundPciDriver;
import dev.kdumpsim.kernel.pci.err.PciChannelState;
import dev.kdumpsim.kernel.pci.err.PciErrorHandlers;
import dev.kdumpsim.kernel.pci.err.PciErsResult;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.LinuxResetSequence;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.CompletionRing;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.MsiMessage;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import java.util.SplittableRandom;

/**
 * A NIC- or HBA-like driver bound to one endpoint function in one kernel. It maps its DMA memory
 * through the DMA API (one IOVA per mapping: the MSI doorbell page first, the descriptor and
 * completion rings, then one receive buffer per mapping until its IOVA footprint is used),
 * programs the device, and in steady state refills receive buffers from NAPI polls. A panic stops
 * the CPUs, so refills stop while the device keeps consuming what it holds. In the kdump kernel
 * the driver quiesces the device first: {@code pcie_flr()} under {@code reset_devices} when the
 * function can FLR, else the device-specific stop most drivers do in probe.
 */
public final class DeviceDriver implements EventHandler, BoundPciDriver {

    static final long MIB = 1L << 20;
    /** NAPI poll period in steady state; a model value. */
    static final long NAPI_NS = 100_000;
    static final int DESCRIPTOR_BYTES = 16;
    /** Descriptors are fetched 16 at a time (one 256-byte read, as the report's header log shows: Byte Count 0x100). */
    static final int FETCH_BYTES = 256;
    /** Reads the dump target issues to write the vmcore out (device reads of the kdump kernel's buffer). */
    static final int DUMP_IOS = 64;

    private final KernelContext k;
    private final DriverSpec spec;
    private final EndpointFunction fn;
    private final RootComplex rc;
    private final String devPrefix;
    private final IovaDevice iovaDevice;
    private DmaDomain domain;
    private long descIova;
    private long complIova;
    private long msiIova;
    private long[] bufferIovas;
    private long napiToken = -1;
    private boolean bound;
    private boolean programmed;
    private boolean failed;
    private boolean removed;
    private String failure = "";

    public DeviceDriver(KernelContext k, DriverSpec spec, EndpointFunction fn, RootComplex rc) {
        this.k = k;
        this.spec = spec;
        this.fn = fn;
        this.rc = rc;
        this.devPrefix = spec.name() + " " + Bdf.pciName(fn.bdf()) + ": ";
        this.iovaDevice = new IovaDevice(devPrefix, true);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public DriverSpec spec() {
        return spec;
    }

    public EndpointFunction function() {
        return fn;
    }

    public boolean bound() {
        return bound;
    }

    public boolean failed() {
        return failed;
    }

    /**
     * Whether the driver is the device's driver now ({@code dev->driver} set): from the start of
     * its probe (really_probe sets it before calling probe, so the probe's and any error
     * handler's dev_printk lines carry the driver's name) until a failed probe or a remove.
     */
    public boolean attached() {
        return !removed && !failed;
    }

    public String failure() {
        return failure;
    }

    /** {@code pci_enable_device} + {@code pci_set_master}: Memory Space and Bus Master Enable. */
    private void enableDevice() {
        int cmd = rc.configRead(fn.bdf(), PciRegs.COMMAND, 2);
        rc.configWrite(fn.bdf(), PciRegs.COMMAND, 2, cmd | PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER);
    }

    /**
     * Probe: enable the device and map its memory through {@code domain} (null: no IOMMU, dma-direct,
     * IOVA = PA). Kernel #1's driver starts DMA later ({@link #startDma}).
     */
    public boolean probe(DmaDomain domain) {
        this.domain = domain;
        enableDevice();
        long g = domain == null ? 4096 : domain.granule();
        long doorbell = k.arch().msiDoorbellPa(); // the interrupt controller's doorbell (arm64: the ITS)
        // x86: the APIC address is programmed as is (an interrupt request, not DMA)
        msiIova = k.arch().msiMappedThroughIommu() ? map(doorbell & -4096L, 4096, true) + (doorbell & 4095) : doorbell;
        long slots = (long) spec.rings() * spec.ringEntries();
        long ringBytes = slots * DESCRIPTOR_BYTES;
        descIova = map(k.pages().allocate(Math.max(ringBytes, FETCH_BYTES), g), Math.max(ringBytes, FETCH_BYTES), false);
        complIova = map(k.pages().allocate(ringBytes, g), ringBytes, true);
        long per = (spec.bufferBytes() + g - 1) & -g;
        long used = 2 * ((ringBytes + g - 1) & -g) + g;
        int buffers = (int) Math.max(1, Math.min(1 << 20, (spec.iovaFootprintBytes() - used) / per));
        bufferIovas = new long[buffers];
        for (int i = 0; i < buffers; i++) {
            long pa = k.pages().allocate(per, g);
            long v = map(pa, spec.bufferBytes(), true);
            if (v < 0) {
                fail("DMA mapping of RX buffer %d failed\n", i);
                return false;
            }
            bufferIovas[i] = v;
        }
        if (descIova < 0 || complIova < 0 || msiIova < 0) {
            fail("DMA mapping of rings failed\n");
            return false;
        }
        bound = true;
        return true;
    }

    private long map(long pa, long size, boolean writable) {
        return domain == null ? pa : domain.map(iovaDevice, pa, size, writable);
    }

    private void fail(String fmt, Object... args) {
        failed = true;
        failure = dev.kdumpsim.kernel.log.Printf.format(fmt, args).trim();
        k.console().print(LogLevel.ERR, devPrefix, fmt, args);
    }

    /**
     * Programs the device's engines after a random delay within one packet interval (so seeds vary
     * the phase of the traffic against the crash) and starts NAPI refills.
     */
    public void startDma(SplittableRandom phase) {
        long rate = spec.dmaRatePerSec();
        long arrival = Math.max(1, 8_000_000_000L / (3 * rate));
        k.sim().scheduleAfter(phase.nextLong(arrival), x -> program(), 0);
    }

    private boolean program() {
        long rate = spec.dmaRatePerSec();
        long poll = Math.max(1, 4_000_000_000L / rate);
        long arrival = Math.max(1, 8_000_000_000L / (3 * rate));
        int posted = (int) Math.min(bufferIovas.length, (long) spec.rings() * spec.ringEntries());
        int entries = spec.rings() * spec.ringEntries();
        boolean ok = fn.programMsi(new MsiMessage(msiIova, 0x40 + Bdf.function(fn.bdf()), 32))
                && fn.programCompletionRing(new CompletionRing(complIova, entries, DESCRIPTOR_BYTES))
                && fn.postReceiveBuffers(ReceiveBufferRing.ofBuffers(bufferIovas, spec.bufferBytes(), posted, arrival))
                && fn.programDescriptorRing(new DescriptorRing(descIova, Math.max(1, entries * DESCRIPTOR_BYTES / FETCH_BYTES), FETCH_BYTES, poll));
        if (!ok) {
            fail("device did not accept its rings (wedged or in reset)\n");
            return false;
        }
        programmed = true;
        napiToken = k.sim().scheduleAfter(NAPI_NS, this, 0);
        return true;
    }

    /** The probe ended: the device was programmed, or the driver gave up. */
    public boolean probeFinished() {
        return programmed || failed;
    }

    /** Whether the engines were programmed (DMA running or run). */
    public boolean programmed() {
        return programmed;
    }

    /** NAPI: the CPU refills the buffers the device consumed. */
    @Override
    public void onEvent(long unused) {
        int want = (int) Math.min(bufferIovas.length, (long) spec.rings() * spec.ringEntries());
        int posted = fn.postedBuffers();
        if (posted < want) {
            fn.refillReceiveBuffers(want - posted);
        }
        napiToken = k.sim().scheduleAfter(NAPI_NS, this, 0);
    }

    /** The CPUs stop (panic → crash_smp_send_stop): no more refills. */
    public void cpusStopped() {
        if (napiToken >= 0) {
            k.sim().cancel(napiToken);
            napiToken = -1;
        }
    }

    /**
     * Orderly shutdown for kexec: the driver's .shutdown stops the device, then
     * {@code pci_device_shutdown} clears Bus Master Enable because {@code kexec_in_progress}.
     */
    public void shutdownForKexec() {
        stopAndDisable();
    }

    /**
     * No more refills, the device's engines stopped, Bus Master Enable cleared: what an orderly
     * shutdown, a remove and an error_detected that gives the device up all leave behind.
     */
    private void stopAndDisable() {
        cpusStopped();
        fn.stopDma();
        int cmd = rc.configRead(fn.bdf(), PciRegs.COMMAND, 2);
        rc.configWrite(fn.bdf(), PciRegs.COMMAND, 2, cmd & ~PciRegs.COMMAND_MASTER);
    }

    /**
     * kdump-kernel probe: quiesce (FLR under reset_devices if capable, else the driver's own stop),
     * then map and program like kernel #1's driver. {@code done} gets whether the device works.
     */
    public void kdumpProbe(DmaDomain domain, boolean resetDevices, Runnable attached,
            java.util.function.Consumer<Boolean> done) {
        Runnable rest = () -> {
            if (fn.isWedged() || !fn.isReady()) {
                fail("device not responding after reset, probe failed\n");
                done.accept(false);
                return;
            }
            fn.stopDma(); // device-specific quiesce in probe (a no-op right after FLR)
            attached.run();
            if (!probe(domain) || !program()) {
                done.accept(false);
                return;
            }
            done.accept(true);
        };
        boolean flrCapable = (rc.configRead(fn.bdf(), PciRegs.EXP_DEVCAP, 4) & PciRegs.EXP_DEVCAP_FLR) != 0;
        if (resetDevices && flrCapable) {
            LinuxResetSequence.flr(rc, fn.bdf(), outcome -> rest.run());
        } else {
            rest.run();
        }
    }

    /**
     * The dump target writes the vmcore out: the driver maps the kdump kernel's buffer and
     * submits one write command whose data phase the device runs ({@link #DUMP_IOS} reads of
     * 4 KiB, {@code EndpointFunction.submitReadCommand}); success is the command's status.
     */
    public void writeDump(java.util.function.Consumer<Boolean> done) {
        if (!bound || failed || fn.isWedged()) {
            done.accept(false);
            return;
        }
        long buf = k.pages().allocate(DUMP_IOS * 4096L, 4096);
        long iova = map(buf, DUMP_IOS * 4096L, false);
        if (iova < 0 || !fn.submitReadCommand(iova, 4096, DUMP_IOS, 10_000, done)) {
            done.accept(false); // the buffer could not be mapped, or the device takes no commands
        }
    }

    // ---- PCI error recovery: the driver's struct pci_error_handlers (pci.err.LinuxPciDrivers) ----

    /**
     * {@code error_detected}: a driver that asks for a reset (or gives the device up) detaches,
     * stops its device (igb_down, nvme_dev_disable, mpt3sas_base_free_resources...) and calls
     * {@code pci_disable_device()}, which clears Bus Master Enable; one that can recover keeps going.
     */
    public PciErsResult errorDetected(PciErrorHandlers h, PciChannelState state) {
        PciErsResult vote = h.errorDetected(state);
        if (vote == PciErsResult.NEED_RESET || vote == PciErsResult.DISCONNECT) {
            stopAndDisable();
        }
        return vote;
    }

    /**
     * {@code slot_reset}: {@code pci_enable_device*}, {@code pci_set_master}, {@code pci_restore_state}
     * and the driver's own reset of the device; RECOVERED when the device answers, else DISCONNECT
     * (igb_io_slot_reset: "Cannot re-enable PCI device after reset.").
     */
    public PciErsResult slotReset() {
        if (fn.isWedged() || !fn.isReady() || rc.configRead(fn.bdf(), PciRegs.VENDOR_ID, 2) == 0xffff) {
            return PciErsResult.DISCONNECT;
        }
        enableDevice();
        fn.stopDma();
        return PciErsResult.RECOVERED;
    }

    /**
     * The driver's {@code remove} (4.19's fatal recovery removes every device below the port):
     * it stops the device and {@code pci_disable_device()} clears Bus Master Enable; the driver
     * is unbound until {@link #reprobe}.
     */
    public void remove() {
        stopAndDisable();
        bound = false;
        removed = true;
    }

    /** The rescan after a removal binds the driver again: it enables and programs the device with the memory it had. */
    public void reprobe() {
        if (fn.isWedged() || !fn.isReady() || bufferIovas == null) {
            return;
        }
        removed = false;
        bound = true;
        enableDevice();
        program();
    }

    /** {@code resume}: the driver brings its device up again (its rings and mappings are the ones it had). */
    public void resume() {
        if (bound && !failed && !fn.isWedged()) {
            program();
        }
    }

    /** Lowest and highest IOVA this driver's device uses (for explain output). */
    public long[] iovaSpan() {
        if (bufferIovas == null) {
            return new long[0];
        }
        long lo = Math.min(descIova, complIova);
        long hi = Math.max(descIova, Math.max(complIova, msiIova));
        for (long v : bufferIovas) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new long[] {lo, hi};
    }

    public int bufferCount() {
        return bufferIovas == null ? 0 : bufferIovas.length;
    }

    public String devPrefix() {
        return devPrefix;
    }
}
