package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.KernelCommandLine;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.arch.Arch;
import dev.kdumpsim.kernel.iommu.DmaDomain;
import dev.kdumpsim.kernel.driver.DeviceDriver;
import dev.kdumpsim.kernel.iommu.IommuDriver;
import dev.kdumpsim.kernel.iommu.IommuHardware;
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.mm.PageSource;
import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.IommuGroupMessage;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.RootComplex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One running kernel: its log and console, its IOMMU driver, the IOMMU groups and default DMA
 * domains the IOMMU core gives PCI devices ({@code iommu_probe_device} at enumeration), and its
 * device drivers.
 */
final class KernelInstance {

    /** Stage-1 / second-level input size of DMA domains (the IOVA allocator's limit): 48 bits. */
    static final int DMA_DOMAIN_INPUT_BITS = 48;

    final KernelConfig config;
    final KernelContext ctx;
    final IommuDriver iommuDriver;
    final KernelCommandLine cmdline;
    private final RootComplex rc;
    private final Map<Integer, DmaDomain> domainsByGroup = new LinkedHashMap<>();
    private final Map<Integer, Integer> groupIds = new LinkedHashMap<>();
    final List<DeviceDriver> drivers = new ArrayList<>();
    private AddressRange iovaReservation;
    private Boolean iommuProbeResult;

    KernelInstance(KernelConfig config, KernelContext ctx, IommuHardware iommu, RootComplex rc) {
        this.config = config;
        this.ctx = ctx;
        this.cmdline = ctx.cmdline();
        this.rc = rc;
        this.iommuDriver = iommu.newDriver(ctx, config.iommuPolicy(), config.iovaGranuleBytes());
    }

    static KernelContext context(String id, Platform p, Arch arch, KernelConfig config, KernelLog log, PageSource pages,
            KernelCommandLine cmdline, boolean kdump) {
        log.setConsoleBaud(cmdline.serialConsoleBaud());
        int cpu = p.memory().registerAgent(id + " cpu");
        return new KernelContext(id, p.simulation(), p.memory(), cpu, log, new ConsolePrinter(p.simulation(), log), pages,
                cmdline, arch, config.version(), kdump);
    }

    /** Runs the IOMMU driver's probe; {@code done} runs when it finished, whatever its result. */
    void probeIommu(Runnable done) {
        iommuDriver.probe(ok -> {
            iommuProbeResult = ok;
            done.run();
        });
    }

    /** The IOMMU probe's result, or null while it has not finished. */
    Boolean iommuProbeResult() {
        return iommuProbeResult;
    }

    /** Kernel #1 with iova-reserve-crashkernel: every domain reserves this IOVA range. */
    void reserveIovaRange(AddressRange range) {
        this.iovaReservation = range;
    }

    /** IOMMU group of a function: all functions of a multi-function device share one (no ACS). */
    static int groupKey(int bdf) {
        return bdf & ~7;
    }

    /**
     * PCI enumeration with the IOMMU core: each endpoint function is added to its group and the
     * group's default DMA domain is attached, unless the IOMMU driver failed or defers the attach.
     */
    void enumerate(List<EndpointFunction> functions) {
        for (EndpointFunction f : functions) {
            if (!iommuDriver.usable()) {
                continue;
            }
            int sid = rc.streamId(f.bdf());
            Integer gid = groupIds.get(groupKey(f.bdf()));
            if (gid == null) {
                gid = groupIds.size();
                groupIds.put(groupKey(f.bdf()), gid);
            }
            if (ctx.version().get(Behaviours.IOMMU_GROUP_MESSAGE) == IommuGroupMessage.ADDING_DEVICE_TO_GROUP) {
                ctx.console().print(LogLevel.INFO, "", "iommu: Adding device %s to group %d\n", Bdf.pciName(f.bdf()), gid);
            } else {
                ctx.console().print(LogLevel.INFO, "pci " + Bdf.pciName(f.bdf()) + ": ", "Adding to iommu group %d\n", gid);
            }
            iommuDriver.addDevice(sid, Bdf.pciName(f.bdf()));
            if (iommuDriver.isAttachDeferred(sid)) {
                continue;
            }
            iommuDriver.attach(sid, domainFor(f.bdf()), () -> { });
        }
    }

    /** The group's default DMA domain (created on first use), or null when there is no IOMMU or it passes devices through. */
    DmaDomain domainFor(int bdf) {
        if (!iommuDriver.usable() || iommuDriver.passThrough()) {
            return null;
        }
        return domainsByGroup.computeIfAbsent(groupKey(bdf), g -> newDomain("group " + Bdf.format(g)));
    }

    private DmaDomain newDomain(String name) {
        long granule = config.iovaGranuleBytes();
        int cpus = cmdline.cpus(ctx.kdump() ? 1 : 8);
        IovaAllocator iova = IovaAllocator.forDmaDomain(granule, 0, config.iovaPolicy(), cpus,
                (1L << DMA_DOMAIN_INPUT_BITS) - 1, cmdline.forcedac());
        iova.logTo(ctx.log());
        if (iovaReservation != null) {
            iova.reserve(iovaReservation);
        }
        return iommuDriver.newDmaDomain(name, iova, granule);
    }

    /** AER report of every endpoint function's pending errors (PCI enumeration in the kdump kernel). */
    void reportAer(List<EndpointFunction> functions, AerReporter reporter, Map<Integer, Integer> rootPortOf) {
        for (EndpointFunction f : functions) {
            reporter.report(ctx.console(), f.bdf(), "pci " + Bdf.pciName(f.bdf()) + ": ",
                    rootPortOf.getOrDefault(f.bdf() & ~0xff, 0));
        }
    }

    Map<Integer, DmaDomain> domains() {
        return domainsByGroup;
    }
}
