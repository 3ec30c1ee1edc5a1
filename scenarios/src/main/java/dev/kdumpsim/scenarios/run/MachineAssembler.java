package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.kernel.machine.RasConfig;
import dev.kdumpsim.scenarios.model.Ras;
import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.iommu.IommuConfig;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import dev.kdumpsim.kernel.machine.IommuPolicies;
import dev.kdumpsim.kernel.machine.SwitchConfig;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.machine.EndpointConfig;
import dev.kdumpsim.kernel.machine.KernelConfig;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.kernel.machine.MachineConfig;
import dev.kdumpsim.kernel.machine.TimelineEvent;
import dev.kdumpsim.kernel.smmu.SmmuFeatures;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.pcie.AbortedReadResponse;
import dev.kdumpsim.pcie.CompletionTimeoutControl;
import dev.kdumpsim.pcie.EndpointErrorProfile;
import dev.kdumpsim.pcie.EndpointIdentity;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.RequesterIdMap;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.scenarios.model.AerFormat;
import dev.kdumpsim.scenarios.model.AerRegisters;
import dev.kdumpsim.scenarios.model.CompletionTimeoutSetting;
import dev.kdumpsim.scenarios.model.BootPhases;
import dev.kdumpsim.scenarios.model.DramBank;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.ErrorProfile;
import dev.kdumpsim.scenarios.model.IovaGranule;
import dev.kdumpsim.scenarios.model.Iommu;
import dev.kdumpsim.scenarios.model.IommuModel;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.model.Vtd;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.model.KernelClock;
import dev.kdumpsim.scenarios.model.RootPort;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.Smmu;
import dev.kdumpsim.scenarios.model.StreamTableFormat;
import dev.kdumpsim.scenarios.model.TimelineAction;
import dev.kdumpsim.scenarios.value.SimDuration;
import dev.kdumpsim.smmuv3.SmmuParameters;
import dev.kdumpsim.vtd.VtdParameters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a validated {@link Scenario} into the sim-kernel {@link MachineConfig}: the one place
 * where scenario vocabulary meets model parameters. Anything the file leaves out keeps the
 * model's documented default.
 */
public final class MachineAssembler {

    private MachineAssembler() {
    }

    public static MachineConfig assemble(Scenario s) {
        List<AddressRange> banks = new ArrayList<>();
        for (DramBank b : s.platform().dram()) {
            banks.add(new AddressRange(b.base().value(), b.size().bytes()));
        }
        List<SwitchConfig> switches = new ArrayList<>();
        for (PcieSwitch sw : s.platform().pcie().topology().switches()) {
            switches.add(new SwitchConfig(sw.upstreamPort().requesterId(), sw.port().requesterId(),
                    sw.downstreamPorts().stream().map(b -> b.requesterId()).toList()));
        }
        List<Integer> rootPorts = new ArrayList<>();
        for (RootPort rp : s.platform().pcie().topology().rootPorts()) {
            rootPorts.add(rp.bdf().requesterId());
        }
        List<EndpointConfig> endpoints = new ArrayList<>();
        for (Endpoint e : s.platform().pcie().topology().endpoints()) {
            int port = e.port().map(b -> b.requesterId()).orElse(rootPorts.get(0));
            endpoints.add(new EndpointConfig(e.bdf().requesterId(), port, endpointParams(e)));
        }
        var rcModel = s.platform().pcie().rootComplex();
        AbortedReadResponse arr = rcModel.abortedReadResponse();
        var map = s.platform().pcie().requesterIdToStreamId();
        RequesterIdMap rid = map.base() == 0 && map.offset() == 0 ? RequesterIdMap.IDENTITY
                : new RequesterIdMap(map.base(), 0x10000 - map.base(), map.offset());
        RootComplexParams rc = new RootComplexParams(0, arr, rcModel.abortCompletionTd(), 200, true, rid);

        Set<Mitigation> mitigations = EnumSet.noneOf(Mitigation.class);
        mitigations.addAll(s.mitigations());
        List<TimelineEvent> timeline = new ArrayList<>();
        for (TimelineAction a : s.timeline()) {
            timeline.add(event(a));
        }
        boolean vtd = s.platform().iommuModel() == IommuModel.VT_D;
        IommuConfig iommu = vtd ? new VtdConfig(vtd(s.platform().iommu().flatMap(Iommu::vtd).orElse(null)))
                : new SmmuV3Config(smmu(s.platform().smmu()), s.platform().smmu().eventQueueLog2Entries());
        String model = iommu.model();
        return new MachineConfig(s.seed(), Arches.byName(s.platform().effectiveArch().specName()), new DramLayout(banks), iommu,
                vtd ? RootComplexParams.VTD_PLATFORM : rc, rootPorts, switches, endpoints,
                kernel(s.kernels().first(), BootTimeline.firstKernelDefault(), model),
                kernel(s.kernels().kdump(), BootTimeline.kdumpKernelOfReport(), model), mitigations, timeline,
                MachineConfig.DEFAULT_STEADY_STATE_WINDOW_NS, ras(s.platform()));
    }

    /** The VT-d unit: sim-vtd's defaults with the scenario's platform.iommu.vtd choices (null: all defaults). */
    static VtdParameters vtd(Vtd v) {
        if (v == null) {
            return VtdParameters.defaults();
        }
        return VtdParameters.builder().set("faultRecordCount", v.faultRecordCount()).set("domainIdBits", v.domainIdBits())
                .set("queuedInvalidation", v.queuedInvalidation()).set("interruptRemapping", v.interruptRemapping())
                .set("scalableMode", v.scalableMode()).set("commandLatencyNs", v.commandLatency().nanos()).build();
    }

    static SmmuParameters smmu(Smmu m) {
        var b = SmmuParameters.builder();
        if (m.features().isPresent()) {
            SmmuFeatures.advertise((int) m.features().get().value(), b); // the report's IDR0, as its driver decoded it
        }
        return b.set("sidSizeBits", m.sidSizeBits())
                .set("twoLevelStreamTable", m.streamTable() == StreamTableFormat.TWO_LEVEL).set("oasBits", m.oasBits())
                .set("gbpaResetAbort", m.gbpaResetAbort()).set("cr0AckLatencyNs", m.cr0AckLatency().nanos())
                .set("mergeBadStreamIdEvents", m.mergeBadStreamIdEvents()).build();
    }

    /**
     * An endpoint's parameters: sim-pcie's defaults ({@code EndpointParams.defaults}, or
     * {@code report2018} for the defective-completion profile) with what the scenario gives.
     */
    static EndpointParams endpointParams(Endpoint e) {
        String name = "ep" + e.bdf();
        EndpointParams base = e.errorProfile() == ErrorProfile.DEFECTIVE_COMPLETION ? EndpointParams.report2018(name)
                : EndpointParams.defaults(name);
        EndpointErrorProfile profile = (e.errorProfile() == ErrorProfile.DEFECTIVE_COMPLETION
                ? EndpointErrorProfile.DEFECTIVE_COMPLETION : EndpointErrorProfile.NORMAL).withWedgeAfterErrors(e.wedgeAfterErrors());
        EndpointParams p = new EndpointParams(name, e.vendorId().map(v -> (int) v.value()).orElse(base.vendorId()),
                e.deviceId().map(v -> (int) v.value()).orElse(base.deviceId()), e.functions(), e.flrCapable(),
                e.completionTimeout().nanos(), base.upstreamLatencyNs(), base.tags(), base.requestAttr(),
                base.uncorrectableSeverity(), profile, base.mfdErrorLogging(), base.flrCompletionNs(),
                base.readyAfterLinkUpNs());
        EndpointIdentity id = p.identity();
        if (e.classCode().isPresent()) {
            id = id.withClassCode((int) e.classCode().get().value());
        }
        if (e.serialNumber().isPresent()) {
            id = id.withSerialNumber(e.serialNumber().get().value());
        }
        p = p.withIdentity(id);
        if (e.aer().isPresent()) {
            AerRegisters a = e.aer().get();
            p = p.withAerInitialValues(a.uncorSeverity().map(v -> (int) v.value()).orElse(p.uncorrectableSeverity()),
                    a.uncorMask().map(v -> (int) v.value()).orElse(p.uncorrectableMask()),
                    a.corMask().map(v -> (int) v.value()).orElse(p.correctableMask()));
        }
        if (e.completionTimeoutControl().isPresent()) {
            CompletionTimeoutSetting c = e.completionTimeoutControl().get();
            p = p.withCompletionTimeout(new CompletionTimeoutControl(c.rangeBits(), c.disableSupported(), c.value().encoding(),
                    c.disabled()));
        }
        return p;
    }

    /** The boot timeline a kernel runs: {@code preset} with the phases the file gives replaced (also read by validation). */
    public static BootTimeline bootTimeline(Kernel k, BootTimeline preset) {
        BootTimeline t = preset;
        BootPhases b = k.boot();
        if (b != null) {
            t = with(t, BootTimeline.EARLY_INIT, b.earlyInit());
            t = with(t, BootTimeline.SMMU_PROBE, b.smmuProbe());
            t = with(t, BootTimeline.PCI_ENUMERATION, b.pciEnumeration());
            t = with(t, BootTimeline.DRIVERS, b.drivers());
            t = with(t, BootTimeline.USERSPACE, b.userspace());
        }
        return t;
    }

    static KernelConfig kernel(Kernel k, BootTimeline preset) {
        return kernel(k, preset, SmmuV3Config.MODEL);
    }

    /** A kernel of a machine whose IOMMU is {@code model}. */
    static KernelConfig kernel(Kernel k, BootTimeline preset, String model) {
        BootTimeline t = bootTimeline(k, preset);
        List<DriverSpec> drivers = new ArrayList<>();
        for (DriverConfig d : k.drivers()) {
            drivers.add(new DriverSpec(d.device().requesterId(), d.profile(), d.rings(), d.ringEntries(),
                    (int) d.bufferSize().bytes(), d.iovaFootprint().bytes(), d.dmaRatePerSec(),
                    d.name().orElse(DriverSpec.modelName(d.profile()))));
        }
        long granule = k.iovaGranule() == IovaGranule.G64K ? 65536 : 4096;
        if (k.version().isPresent()) {
            // a named release: its version table, and its own driver policy unless the file names one
            KernelRelease release = KernelRelease.parse(k.version().get());
            IommuDriverPolicy policy = k.namedPolicy().map(IommuPolicies::policy)
                    .orElse(IommuPolicies.defaultPolicy(model, release));
            return new KernelConfig(k.cmdline(), KernelVersion.of(release), policy, granule, t, drivers,
                    k.aer() == AerFormat.NATIVE);
        }
        if (!model.equals(SmmuV3Config.MODEL)) {
            // no release named on another model: 4.16's table values and the named (or 4.16's) policy
            IommuDriverPolicy policy = k.namedPolicy().map(IommuPolicies::policy)
                    .orElse(IommuPolicies.defaultPolicy(model, KernelRelease.of(4, 16, 0)));
            return new KernelConfig(k.cmdline(), KernelVersion.unnamed(java.util.Map.of()), policy, granule, t, drivers,
                    k.aer() == AerFormat.NATIVE);
        }
        return new KernelConfig(k.cmdline(), k.namedPolicy().map(SmmuDriverPolicy::bySpecName).orElse(k.driverPolicy()),
                granule, t, drivers,
                k.aer() == AerFormat.NATIVE);
    }

    /** platform.ras onto sim-kernel's RasConfig (absent: RasConfig.DEFAULT). */
    static RasConfig ras(dev.kdumpsim.scenarios.model.Platform p) {
        if (p.ras().isEmpty()) {
            return RasConfig.DEFAULT;
        }
        Ras r = p.ras().get();
        int esr = r.serrorEsr().map(h -> (int) h.value()).orElse(RasConfig.DEFAULT.serrorEsr());
        return new RasConfig(r.cperSeverity(), r.abortedDmaSError(), esr);
    }

    private static BootTimeline with(BootTimeline t, String phase, Optional<SimDuration> d) {
        return d.map(v -> t.withDuration(phase, v.nanos())).orElse(t);
    }

    static TimelineEvent event(TimelineAction a) {
        boolean kdump = a.clock() == KernelClock.KDUMP;
        int bdf = a.device().map(b -> b.requesterId()).orElse(-1);
        TimelineEvent.Kind kind = a.action();
        return new TimelineEvent(kind, a.at().nanos(), kdump, bdf, a.offset().map(Long::intValue).orElse(0),
                a.value().map(Long::intValue).orElse(0), a.width());
    }
}
