package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.machine.Machine;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.VersionTable;
import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.model.ActionKind;
import dev.kdumpsim.scenarios.model.Arch;
import dev.kdumpsim.scenarios.model.DramBank;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.IommuModel;
import dev.kdumpsim.scenarios.model.IovaGranule;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.model.Platform;
import dev.kdumpsim.scenarios.model.Ras;
import dev.kdumpsim.scenarios.model.RootPort;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.Smmu;
import dev.kdumpsim.scenarios.model.TimelineAction;
import dev.kdumpsim.scenarios.model.Topology;
import dev.kdumpsim.scenarios.model.Vtd;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.run.ReportPaths;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.HexValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that need more than one field: a well-typed scenario can still describe an impossible
 * machine. Each check reports the first offending value at its position.
 */
public final class ScenarioValidator {

    /** SMMU_IDR5.OAS encodings (SMMUv3 spec 6.3.6): 32, 36, 40, 42, 44, 48, 52 bits. */
    private static final Set<Integer> OAS_BITS = Set.of(32, 36, 40, 42, 44, 48, 52);

    private final Locations at;
    private final RunBudget budget;

    public ScenarioValidator(Locations locations) {
        this(locations, RunBudget.defaults());
    }

    /** A validator that also refuses scenarios whose estimated run exceeds {@code budget}. */
    public ScenarioValidator(Locations locations, RunBudget budget) {
        this.at = locations;
        this.budget = budget;
    }

    public void validate(Scenario s) throws ScenarioException {
        format(s);
        DramLayout dram = dram(s.platform().dram(), s.platform());
        if (s.platform().iommuModel() == IommuModel.SMMUV3) {
            smmu(s.platform().smmu());
        }
        TreeMap<Bdf, String> devices = topology(s.platform().pcie().topology());
        MachinePreconditions machine = new MachinePreconditions(at);
        machine.topology(s);
        if (s.platform().iommuModel() == IommuModel.SMMUV3) {
            streamIds(s);
        }
        mitigations(s);
        MemoryPreconditions memory = new MemoryPreconditions(at);
        AddressRange crash = memory.crashkernel(s, dram);
        drivers(s.kernels().first(), devices);
        drivers(s.kernels().kdump(), devices);
        DeviceChecks deviceChecks = new DeviceChecks(at);
        for (Endpoint e : s.platform().pcie().topology().endpoints()) {
            deviceChecks.endpoint(e);
        }
        deviceChecks.drivers(s.kernels().first());
        deviceChecks.drivers(s.kernels().kdump());
        if (s.expect().rates().isPresent()) {
            new RateChecks(at).check(s.expect().rates().get());
        }
        memory.drivers(s, dram, crash);
        timeline(s, devices);
        machine.timeline(s);
        if (s.sweep().isPresent()) {
            new SweepValidator(at).validate(s.sweep().get());
        }
        for (String path : s.expect().counters().keySet()) {
            if (!ReportPaths.exists(path, s)) {
                throw at.errorAtKey(s.expect(), "counters", path, "expect.counters: report.json has no counter '" + Yaml.shorten(path) + "'",
                        Suggest.hint(path, ReportPaths.counters(s)));
            }
        }
        budget(s);
        buildable(s);
        List<Bdf> wedged = s.expect().verdict().wedgedDevices().orElse(List.of());
        for (int i = 0; i < wedged.size(); i++) {
            if (!"endpoint".equals(devices.get(wedged.get(i)))) {
                throw at.error(s.expect().verdict(), "wedgedDevices", i, "no endpoint function " + wedged.get(i) + " in the topology",
                        known(devices));
            }
        }
    }

    /** The architecture and IOMMU switch points, and the iommuDriver / smmuDriver alias. */
    /** platform.ras: an SError is arm64's; its ESR is a 32-bit value with EC 0x2f (ARM DDI 0487, ESR_ELx.EC "SError interrupt"). */
    private void ras(Ras r, Arch arch) throws ScenarioException {
        if (r.abortedDmaSError() && arch != Arch.ARM64) {
            throw at.error(r, "abortedDmaSError", "an SError is an arm64 exception; " + arch.specName() + " has none in the model",
                    "remove abortedDmaSError or use arch: arm64");
        }
        if (r.serrorEsr().isPresent()) {
            HexValue esr = r.serrorEsr().get();
            if (!esr.fits(32) || (esr.value() >>> 26) != 0x2f) {
                throw at.error(r, "serrorEsr", "ESR_EL1 of an SError is 32 bits with EC (bits 31:26) 0x2f, got " + esr,
                        "0xbf000000 (EC 0x2f, IL, IDS)");
            }
        }
    }

    private void format(Scenario s) throws ScenarioException {
        Platform p = s.platform();
        Arch arch = p.effectiveArch();
        IommuModel model = p.iommuModel();
        if (arch == Arch.ARM64 && model != IommuModel.SMMUV3 || arch == Arch.X86_64 && model != IommuModel.VT_D) {
            Object where = p.iommu().isPresent() ? p.iommu().get() : p;
            throw at.error(where, p.iommu().isPresent() ? "model" : "arch", "platform.arch " + arch.specName() + " has no "
                    + model.specName() + " IOMMU in the model (arm64 has an SMMUv3, x86_64 an Intel VT-d unit)",
                    arch == Arch.X86_64 ? "write iommu: {model: vt-d}" : "remove iommu (smmuv3 is arm64's) or write arch: x86_64");
        }
        if (p.ras().isPresent()) {
            ras(p.ras().get(), arch);
        }
        if (p.iommu().isPresent() && p.iommu().get().vtd().isPresent() && model != IommuModel.VT_D) {
            throw at.error(p.iommu().get(), "vtd", "VT-d parameters on a " + model.specName() + " IOMMU", "remove vtd or write model: vt-d");
        }
        if (p.iommu().isPresent() && p.iommu().get().vtd().isPresent()) {
            vtd(p.iommu().get().vtd().get());
        }
        for (Kernel k : List.of(s.kernels().first(), s.kernels().kdump())) {
            if (k.version().isPresent()) {
                release(k);
            }
            if (k.iommuDriver().isPresent() && !k.iommuDriver().get().model().equals(model.specName())) {
                throw at.error(k, "iommuDriver", "driver policy " + k.iommuDriver().get() + " drives a " + k.iommuDriver().get().model()
                        + ", but the platform's IOMMU is " + model.specName(), "name a policy of the platform's IOMMU ("
                        + (model == IommuModel.VT_D ? "intel-iommu@..." : "arm-smmu-v3@...") + ")");
            }
            if (model == IommuModel.VT_D && at.written(k, "smmuDriver")) {
                throw at.error(k, "smmuDriver", "smmuDriver names an arm-smmu-v3 policy, but the platform's IOMMU is vt-d",
                        "write iommuDriver: intel-iommu@4.2 (or leave it out: the kernel's release decides)");
            }
            if (model == IommuModel.VT_D && k.iovaGranule() != IovaGranule.G4K) {
                throw at.error(k, "iovaGranule", "VT-d second-level tables map 4 KiB pages", "remove iovaGranule (4KiB)");
            }
            if (k.iommuDriver().isPresent() && at.written(k, "smmuDriver")) {
                throw at.error(k, "iommuDriver", "both iommuDriver and smmuDriver are given",
                        "smmuDriver is the older name of iommuDriver: keep one");
            }
        }
    }

    /**
     * The VT-d unit's choices: CAP.NFR and CAP.ND encodings (VT-d §11.4.2), ECAP.IR only with
     * ECAP.QI (§11.4.3), and what the modelled intel-iommu driver needs (queued invalidation,
     * legacy-mode tables).
     */
    private void vtd(Vtd v) throws ScenarioException {
        if (v.faultRecordCount() < 1 || v.faultRecordCount() > 256) {
            throw at.error(v, "faultRecordCount", "CAP.NFR encodes 1 to 256 fault recording registers, not " + v.faultRecordCount(),
                    "8 is common");
        }
        if (v.domainIdBits() < 4 || v.domainIdBits() > 16 || (v.domainIdBits() & 1) != 0) {
            throw at.error(v, "domainIdBits", "CAP.ND encodes 4, 6, ... 16 domain-id bits, not " + v.domainIdBits(), "16 is common");
        }
        if (!v.queuedInvalidation()) {
            throw at.error(v, "queuedInvalidation", "the modelled intel-iommu driver invalidates through the queue only",
                    "remove queuedInvalidation (true)");
        }
        if (v.scalableMode()) {
            throw at.error(v, "scalableMode", "the modelled intel-iommu driver runs legacy-mode tables only",
                    "remove scalableMode (false)");
        }
        if (v.commandLatency().nanos() < 0) {
            throw at.error(v, "commandLatency", "a latency cannot be negative", "1us is the default");
        }
    }

    /**
     * {@code kernels.*.version}: a release as uname -r prints it, inside the range the version
     * table covers (docs/kernel-versions.md); otherwise a located error naming the nearest one.
     */
    private void release(Kernel k) throws ScenarioException {
        String text = k.version().get();
        KernelRelease r;
        try {
            r = KernelRelease.parse(text);
        } catch (IllegalArgumentException e) {
            throw at.error(k, "version", e.getMessage(), "write the release uname -r prints, e.g. 4.19.50 or 5.7.0-rc3+");
        }
        if (!VersionTable.covers(r)) {
            KernelRelease nearest = r.compareTo(VersionTable.OLDEST) < 0 ? VersionTable.OLDEST : VersionTable.NEWEST;
            throw at.error(k, "version", "kernel " + text + " is outside the releases the model knows ("
                    + VersionTable.OLDEST.shortName() + " to " + VersionTable.NEWEST.shortName() + ")",
                    "the nearest known release is " + nearest.shortName() + "; docs/kernel-versions.md lists what each release changes");
        }
    }

    /** The pre-run budget: the run's estimated events, memory and log must fit before anything runs (RunBudget). */
    private void budget(Scenario s) throws ScenarioException {
        RunBudget.Estimate e = RunBudget.estimate(s);
        String what;
        if (e.events() > budget.maxEvents()) {
            what = String.format(Locale.ROOT, "estimated %.3g simulation events (%.1f per DMA transaction over %.3g s of simulated time),"
                    + " more than the budget of %d", e.events(), RunBudget.EVENTS_PER_TRANSACTION, e.simulatedNs() / 1e9, budget.maxEvents());
        } else if (e.memoryBytes() > budget.maxMemoryBytes()) {
            what = String.format(Locale.ROOT, "estimated %.3g bytes of simulation memory, more than the budget of %d",
                    e.memoryBytes(), budget.maxMemoryBytes());
        } else if (e.logBytes() > budget.maxLogBytes()) {
            what = String.format(Locale.ROOT, "estimated %.3g bytes of kernel log over %.3g s of simulated time, more than the budget of %d",
                    e.logBytes(), e.simulatedNs() / 1e9, budget.maxLogBytes());
        } else {
            return;
        }
        String hint = ScenarioException.BUDGET_HINT;
        // point at the larger excess: the busiest driver's rate (against 1e6/s) or the run's length (against 60 s)
        double rateFactor = e.busiest() == null ? 0 : e.busiest().dmaRatePerSec() / 1e6;
        double timeFactor = e.simulatedNs() / 60e9;
        if (e.runUntil() != null && (timeFactor >= rateFactor || e.busiest() == null)) {
            throw at.error(e.runUntil(), "at", what, hint);
        }
        if (e.busiest() != null) {
            throw at.error(e.busiest(), rateFactor >= timeFactor ? "dmaRatePerSec" : "device", what, hint);
        }
        throw at.error(s, "timeline", what, hint);
    }

    /**
     * The last net: the Machine is built (not run) from the scenario, so any precondition of
     * assembly or of the Machine's constructor that the checks above do not name yet is still a
     * located error at load rather than an exception at run.
     */
    private void buildable(Scenario s) throws ScenarioException {
        try {
            new Machine(MachineAssembler.assemble(s));
        } catch (RuntimeException e) {
            throw at.error(s, null, "the machine model cannot be built from this scenario: " + Yaml.oneLine(String.valueOf(e.getMessage())),
                    "validation should have named the value to change: please report this scenario");
        }
    }

    private DramLayout dram(List<DramBank> banks, Object platform) throws ScenarioException {
        if (banks.isEmpty()) {
            throw at.error(platform, "dram", "no DRAM bank", "write dram: [{base: \"0x80000000\", size: 8GiB}]");
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (DramBank b : banks) {
            if (b.size().bytes() == 0) {
                throw at.error(b, "size", "DRAM bank of size 0", "give the bank's size, e.g. 8GiB");
            }
            if (b.base().value() + b.size().bytes() < 0) {
                throw at.error(b, "size", "DRAM bank " + b.base() + " + " + b.size() + " goes past 2^63", "");
            }
            AddressRange r = new AddressRange(b.base().value(), b.size().bytes());
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).overlaps(r)) {
                    throw at.error(b, "base", "DRAM bank " + b.base() + "-" + hex(r.end()) + " overlaps bank " + banks.get(i).base() + "-"
                            + hex(ranges.get(i).end()), "banks must not overlap");
                }
            }
            ranges.add(r);
        }
        return new DramLayout(ranges);
    }

    private void smmu(Smmu smmu) throws ScenarioException {
        if (smmu.sidSizeBits() < 0 || smmu.sidSizeBits() > 32) {
            throw at.error(smmu, "sidSizeBits", "IDR1.SIDSIZE is 0 to 32 bits, not " + smmu.sidSizeBits(), "16 is common for PCIe");
        }
        if (!OAS_BITS.contains(smmu.oasBits())) {
            throw at.error(smmu, "oasBits", "IDR5.OAS has no " + smmu.oasBits() + "-bit encoding", "one of " + new TreeSet<>(OAS_BITS));
        }
        if (smmu.eventQueueLog2Entries() < 0 || smmu.eventQueueLog2Entries() > 19) {
            throw at.error(smmu, "eventQueueLog2Entries", "event queue log2 size must be 0 to 19 (IDR1.EVENTQS)", "Linux uses 7");
        }
    }

    /** Every BDF in the topology, with its kind; duplicates and dangling ports are errors. */
    private TreeMap<Bdf, String> topology(Topology t) throws ScenarioException {
        TreeMap<Bdf, String> all = new TreeMap<>();
        for (RootPort p : t.rootPorts()) {
            add(all, p.bdf(), "root port", p, "bdf");
        }
        for (PcieSwitch sw : t.switches()) {
            add(all, sw.upstreamPort(), "switch upstream port", sw, "upstreamPort");
            for (int i = 0; i < sw.downstreamPorts().size(); i++) {
                Bdf d = sw.downstreamPorts().get(i);
                if (all.containsKey(d)) {
                    throw at.error(sw, "downstreamPorts", i, "duplicate BDF " + d + " (already a " + all.get(d) + ")", "every function needs its own BDF");
                }
                all.put(d, "downstream port");
            }
        }
        for (Endpoint e : t.endpoints()) {
            if (e.functions() < 1 || e.functions() > 8) {
                throw at.error(e, "functions", "an endpoint has 1 to 8 functions, not " + e.functions(), "");
            }
            if (e.bdf().function() + e.functions() > 8) {
                throw at.error(e, "functions", e.functions() + " functions from " + e.bdf() + " go past function 7", "start multi-function devices at function 0");
            }
            if (e.wedgeAfterErrors() < 0) {
                throw at.error(e, "wedgeAfterErrors", "must not be negative", "0 means never wedged");
            }
            for (int f = 0; f < e.functions(); f++) {
                Bdf b = new Bdf(e.bdf().segment(), e.bdf().bus(), e.bdf().device(), e.bdf().function() + f);
                add(all, b, "endpoint", e, "bdf");
            }
        }
        for (PcieSwitch sw : t.switches()) {
            checkPort(all, sw.port(), sw, "port");
        }
        for (Endpoint e : t.endpoints()) {
            if (e.port().isPresent()) {
                checkPort(all, e.port().get(), e, "port");
            } else if (t.rootPorts().isEmpty()) {
                throw at.error(e, "bdf", "endpoint " + e.bdf() + " has no port and there is no root port", "add a root port or give 'port'");
            }
        }
        return all;
    }

    private void add(TreeMap<Bdf, String> all, Bdf b, String kind, Object record, String field) throws ScenarioException {
        if (all.containsKey(b)) {
            throw at.error(record, field, "duplicate BDF " + b + " (already a " + all.get(b) + ")", "every function needs its own BDF");
        }
        all.put(b, kind);
    }

    private void checkPort(TreeMap<Bdf, String> all, Bdf port, Object record, String field) throws ScenarioException {
        String kind = all.get(port);
        if (!"root port".equals(kind) && !"downstream port".equals(kind)) {
            throw at.error(record, field, port + (kind == null ? " is not in the topology" : " is a " + kind + ", not a root or downstream port"),
                    "name a root port or a switch downstream port");
        }
    }

    private void streamIds(Scenario s) throws ScenarioException {
        var map = s.platform().pcie().requesterIdToStreamId();
        if (map.base() < 0 || map.base() > 0xffff) {
            throw at.error(map, "base", "requester ID base " + map.base() + " is not a 16-bit requester ID", "0 to 0xffff (iommu-map rid-base)");
        }
        if (map.offset() < 0) {
            throw at.error(map, "offset", "StreamID offset " + map.offset() + " is negative: StreamIDs start at 0",
                    "iommu-map's iommu-base is an unsigned StreamID");
        }
        long limit = 1L << s.platform().smmu().sidSizeBits();
        for (Endpoint e : s.platform().pcie().topology().endpoints()) {
            long sid = (long) e.bdf().requesterId() - map.base() + map.offset();
            if (sid < 0 || sid + e.functions() - 1 >= limit) {
                throw at.error(e, "bdf", e.bdf() + " maps to StreamID " + sid + ", outside the SMMU's " + s.platform().smmu().sidSizeBits()
                        + "-bit StreamID space", "check requesterIdToStreamId or sidSizeBits");
            }
        }
    }

    private void mitigations(Scenario s) throws ScenarioException {
        List<Mitigation> m = s.mitigations();
        for (int i = 0; i < m.size(); i++) {
            if (m.indexOf(m.get(i)) != i) {
                throw at.error(s, "mitigations", i, "mitigation '" + m.get(i).specName() + "' listed twice", "remove one");
            }
        }
    }

    private void drivers(Kernel k, TreeMap<Bdf, String> devices) throws ScenarioException {
        List<DriverConfig> drivers = k.drivers();
        TreeSet<Bdf> seen = new TreeSet<>();
        for (int i = 0; i < drivers.size(); i++) {
            DriverConfig d = drivers.get(i);
            if (!"endpoint".equals(devices.get(d.device()))) {
                throw at.error(d, "device", "no endpoint function " + d.device() + " in the topology", known(devices));
            }
            if (!seen.add(d.device())) {
                throw at.error(d, "device", "a second driver for " + d.device() + " in this kernel", "one driver per function");
            }
            if (d.rings() < 1 || d.ringEntries() < 1) {
                throw at.error(d, d.rings() < 1 ? "rings" : "ringEntries", (d.rings() < 1 ? "rings" : "ringEntries") + " of the driver for "
                        + d.device() + " must be at least 1", "a driver has at least one ring of at least one entry");
            }
            if (d.bufferSize().bytes() < 1 || d.bufferSize().bytes() > 4096) {
                throw at.error(d, "bufferSize", "bufferSize of the driver for " + d.device() + " is " + d.bufferSize()
                        + "; the model's receive buffers are 1 byte to 4KiB", "2KiB is a typical NIC receive buffer");
            }
            if (d.iovaFootprint().bytes() < 1) {
                throw at.error(d, "iovaFootprint", "iovaFootprint of the driver for " + d.device() + " is zero", "give the IOVA space it maps, e.g. 2MiB");
            }
            if (d.dmaRatePerSec() < 1) {
                throw at.error(d, "dmaRatePerSec", "dmaRatePerSec of the driver for " + d.device() + " must be at least 1",
                        "a device with no traffic needs no driver: remove it or use profile: none with any positive rate");
            }
        }
    }

    private void timeline(Scenario s, TreeMap<Bdf, String> devices) throws ScenarioException {
        int panics = 0;
        for (TimelineAction a : s.timeline()) {
            if (a.action() == ActionKind.PANIC && ++panics > 1) {
                throw at.error(a, "action", "a second panic", "kernel #1 crashes once; the kdump kernel does not kdump again");
            }
        }
        for (TimelineAction a : s.timeline()) {
            boolean needsDevice = a.action() == ActionKind.FLR || a.action() == ActionKind.SBR || a.action() == ActionKind.CONFIG_WRITE;
            if (needsDevice && a.device().isEmpty()) {
                throw at.error(a, "action", a.action().specName() + " needs a device", "add device: \"01:00.0\"");
            }
            if (!needsDevice && a.device().isPresent()) {
                throw at.error(a, "device", a.action().specName() + " takes no device", "remove device");
            }
            if (a.device().isPresent()) {
                String kind = devices.get(a.device().get());
                if (kind == null || (a.action() == ActionKind.FLR && !kind.equals("endpoint"))) {
                    throw at.error(a, "device", "no " + (a.action() == ActionKind.FLR ? "endpoint function " : "device ") + a.device().get()
                            + " in the topology", known(devices));
                }
                new MachinePreconditions(at).sbrTarget(a, kind);
            }
            configWrite(a);
        }
    }

    private void configWrite(TimelineAction a) throws ScenarioException {
        boolean cw = a.action() == ActionKind.CONFIG_WRITE;
        if (!cw) {
            if (a.offset().isPresent() || a.value().isPresent()) {
                throw at.error(a, a.offset().isPresent() ? "offset" : "value", "only config-write takes offset and value", "remove it");
            }
            return;
        }
        if (a.offset().isEmpty() || a.value().isEmpty()) {
            throw at.error(a, "action", "config-write needs offset and value", "add offset: 0x04 and value: 0x0");
        }
        if (a.width() != 1 && a.width() != 2 && a.width() != 4) {
            throw at.error(a, "width", "config writes are 1, 2 or 4 bytes, not " + a.width(), "");
        }
        long off = a.offset().get();
        if (off < 0 || off + a.width() > 4096 || off % a.width() != 0) {
            throw at.error(a, "offset", "config-space offset " + hex(off) + " is outside 0-0xfff or not aligned to width " + a.width(), "");
        }
        long v = a.value().get();
        if (v < 0 || (a.width() < 8 && v >= 1L << (8 * a.width()))) {
            throw at.error(a, "value", hex(v) + " does not fit in " + a.width() + " bytes", "");
        }
    }

    private static String known(TreeMap<Bdf, String> devices) {
        List<String> names = new ArrayList<>();
        devices.forEach((b, k) -> names.add(b + " (" + k + ")"));
        return names.isEmpty() ? "the topology has no devices" : "the topology has " + String.join(", ", names);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
