package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.KernelCommandLine;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.dma.DmaDomain;
import dev.kdumpsim.kernel.driver.DeviceDriver;
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.mm.PageSource;
import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.policy.SmmuDriverPolicy;
import dev.kdumpsim.kernel.smmu.ArmSmmuV3Driver;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.smmuv3.ContextDescriptor;
import dev.kdumpsim.smmuv3.SmmuV3;
import dev.kdumpsim.smmuv3.Stage1PageTableBuilder;
import dev.kdumpsim.smmuv3.TranslationGranule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One running kernel: its log and console, its arm-smmu-v3 driver, the IOMMU groups and default
 * DMA domains the IOMMU core gives PCI devices ({@code iommu_probe_device} at enumeration), and
 * its device drivers.
 */
final class KernelInstance {

    /** Stage-1 input size of DMA domains: min(48, VA_BITS) (arm_smmu_domain_finalise_s1). */
    static final int S1_INPUT_BITS = 48;

    final KernelConfig config;
    final KernelContext ctx;
    final ArmSmmuV3Driver smmuDriver;
    final KernelCommandLine cmdline;
    private final RootComplex rc;
    private final Map<Integer, DmaDomain> domainsByGroup = new LinkedHashMap<>();
    private final Map<Integer, Integer> groupIds = new LinkedHashMap<>();
    final List<DeviceDriver> drivers = new ArrayList<>();
    private AddressRange iovaReservation;

    KernelInstance(KernelConfig config, KernelContext ctx, SmmuV3 smmu, RootComplex rc, int evtqMaxShift) {
        this.config = config;
        this.ctx = ctx;
        this.cmdline = ctx.cmdline();
        this.rc = rc;
        this.smmuDriver = new ArmSmmuV3Driver(ctx, smmu, config.smmuPolicy(), smmu.parameters().coherentAccess(),
                evtqMaxShift);
    }

    static KernelContext context(String id, Machine m, KernelLog log, PageSource pages, KernelCommandLine cmdline,
            boolean kdump) {
        log.setConsoleBaud(cmdline.serialConsoleBaud());
        int cpu = m.memory().registerAgent(id + " cpu");
        return new KernelContext(id, m.simulation(), m.memory(), cpu, log, new ConsolePrinter(m.simulation(), log), pages,
                cmdline, kdump);
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
     * group's default DMA domain is attached, unless the SMMU driver failed or defers the attach.
     */
    void enumerate(List<EndpointFunction> functions) {
        for (EndpointFunction f : functions) {
            if (!smmuDriver.probed() || smmuDriver.probeFailed()) {
                continue;
            }
            int sid = rc.streamId(f.bdf());
            Integer gid = groupIds.get(groupKey(f.bdf()));
            if (gid == null) {
                gid = groupIds.size();
                groupIds.put(groupKey(f.bdf()), gid);
            }
            ctx.console().print(LogLevel.INFO, "", "iommu: Adding device %s to group %d\n", Bdf.pciName(f.bdf()), gid);
            smmuDriver.addMaster(sid);
            if (smmuDriver.isAttachDeferred(sid)) {
                continue;
            }
            DmaDomain d = domainFor(f.bdf());
            smmuDriver.attach(sid, d.cdAddress(), () -> { });
        }
    }

    /** The group's default DMA domain (created on first use), or null when there is no IOMMU. */
    DmaDomain domainFor(int bdf) {
        if (!smmuDriver.probed() || smmuDriver.probeFailed()) {
            return null;
        }
        return domainsByGroup.computeIfAbsent(groupKey(bdf), g -> newDomain("group " + Bdf.format(g)));
    }

    private DmaDomain newDomain(String name) {
        TranslationGranule g = config.iovaGranuleBytes() == 65536 ? TranslationGranule.GRANULE_64K
                : TranslationGranule.GRANULE_4K;
        int cpus = cmdline.cpus(ctx.kdump() ? 1 : 8);
        IovaAllocator iova = IovaAllocator.forDmaDomain(g.pageSize(), 0, iovaPolicy(config.smmuPolicy()), cpus,
                (1L << S1_INPUT_BITS) - 1, cmdline.forcedac());
        iova.logTo(ctx.log());
        if (iovaReservation != null) {
            iova.reserve(iovaReservation);
        }
        Stage1PageTableBuilder pt = new Stage1PageTableBuilder(ctx.memory(), ctx.cpuAgent(), g, S1_INPUT_BITS,
                size -> ctx.pages().allocate(size, size));
        int asid = smmuDriver.allocateAsid();
        long cd = ctx.pages().allocate(ContextDescriptor.SIZE_BYTES, 64);
        ContextDescriptor.linuxDmaDomain(asid, pt.root(), S1_INPUT_BITS, g, smmuDriver.features().ipsEncoding())
                .writeTo(ctx.memory(), ctx.cpuAgent(), cd);
        return new DmaDomain(name, asid, iova, pt, cd);
    }

    /** The IOVA allocator behaviour of the kernel version the SMMU policy stands for. */
    static IovaPolicy iovaPolicy(SmmuDriverPolicy p) {
        return switch (p) {
            case V4_16, V4_19, V5_2 -> IovaPolicy.V4_19;
            default -> IovaPolicy.V6_6;
        };
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
