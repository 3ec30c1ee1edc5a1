package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.IommuModel;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ReportPaths;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.List;
import java.util.TreeMap;

/**
 * Checks that need more than one field: a well-typed scenario can still describe an impossible
 * machine. Each check reports the first offending value at its position. This class runs the
 * checks in a fixed order (which error a file with several problems gets is part of the format's
 * behaviour); each concern is its own class: {@link SwitchPointChecks}, {@link IommuUnitChecks},
 * {@link TopologyChecks}, {@link DeviceChecks}, {@link RateChecks}, {@link MemoryPreconditions},
 * {@link TimelineChecks}, {@link MachinePreconditions}, {@link SweepValidator} and
 * {@link BudgetCheck}; what {@code expect:} names is checked here.
 */
public final class ScenarioValidator {

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
        new SwitchPointChecks(at).check(s);
        MemoryPreconditions memory = new MemoryPreconditions(at);
        DramLayout dram = memory.dram(s.platform().dram(), s.platform());
        IommuUnitChecks iommu = new IommuUnitChecks(at);
        boolean smmu = s.platform().iommuModel() == IommuModel.SMMUV3;
        if (smmu) {
            iommu.smmu(s.platform().smmu());
        }
        TopologyChecks topology = new TopologyChecks(at);
        TreeMap<Bdf, String> devices = topology.functions(s.platform().pcie().topology());
        MachinePreconditions machine = new MachinePreconditions(at);
        machine.topology(s);
        if (smmu) {
            iommu.streamIds(s);
        }
        mitigations(s);
        AddressRange crash = memory.crashkernel(s, dram);
        topology.drivers(s.kernels().first(), devices);
        topology.drivers(s.kernels().kdump(), devices);
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
        new TimelineChecks(at).check(s, devices);
        machine.timeline(s);
        if (s.sweep().isPresent()) {
            new SweepValidator(at).validate(s.sweep().get());
        }
        counters(s);
        new BudgetCheck(at, budget).check(s);
        machine.buildable(s);
        wedgedDevices(s, devices);
    }

    private void mitigations(Scenario s) throws ScenarioException {
        List<Mitigation> m = s.mitigations();
        for (int i = 0; i < m.size(); i++) {
            if (m.indexOf(m.get(i)) != i) {
                throw at.error(s, "mitigations", i, "mitigation '" + m.get(i).specName() + "' listed twice", "remove one");
            }
        }
    }

    /** expect.counters names counters report.json has, so a typo fails at load rather than after the run. */
    private void counters(Scenario s) throws ScenarioException {
        for (String path : s.expect().counters().keySet()) {
            if (!ReportPaths.exists(path, s)) {
                throw at.errorAtKey(s.expect(), "counters", path, "expect.counters: report.json has no counter '" + Yaml.shorten(path) + "'",
                        Suggest.hint(path, ReportPaths.counters(s)));
            }
        }
    }

    /** expect.verdict.wedgedDevices names endpoint functions of the topology. */
    private void wedgedDevices(Scenario s, TreeMap<Bdf, String> devices) throws ScenarioException {
        List<Bdf> wedged = s.expect().verdict().wedgedDevices().orElse(List.of());
        for (int i = 0; i < wedged.size(); i++) {
            if (!TopologyChecks.ENDPOINT.equals(devices.get(wedged.get(i)))) {
                throw at.error(s.expect().verdict(), "wedgedDevices", i, "no endpoint function " + wedged.get(i) + " in the topology",
                        TopologyChecks.known(devices));
            }
        }
    }
}
