package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.sweep.SweepPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What was missing: the format hard-wired arm64 and the SMMUv3 ({@code smmuDriver}), so another
 * architecture or IOMMU had nowhere to go. Fix: {@code platform.arch} (arm64 default, x86_64)
 * and {@code platform.iommu.model} (smmuv3 default, vt-d) are the switch points, paired as the
 * model has them (arm64 with an SMMUv3, x86_64 with VT-d; another pairing is a located error);
 * {@code iommuDriver} names
 * the driver policy and {@code smmuDriver} stays its alias (both given: located error), so old
 * files, their reports and the sweep chart detection are unchanged.
 */
class IommuAndArchHadNoSwitchPointTest {

    private static String kdump(String base, String fields) {
        return base.replace("timeline:\n", "  kdump: {" + fields + "}\ntimeline:\n");
    }

    @Test
    void archAndIommuMustBeAPairTheModelHas() {
        assertAt(error(Hostile.BASE.replace("platform:\n", "platform:\n  arch: x86_64\n")), "s.yaml", 3, 9,
                "platform.arch x86_64 has no smmuv3 IOMMU in the model");
        assertAt(error(Hostile.BASE.replace("platform:\n", "platform:\n  iommu: {model: vt-d}\n")), "s.yaml", 3, 18,
                "platform.arch arm64 has no vt-d IOMMU in the model");
    }

    @Test
    void iommuDriverAndItsAliasSmmuDriverRunTheSamePolicy() throws Exception {
        String base = Hostile.BASE.replace("platform:\n", "platform:\n  arch: arm64\n  iommu: {model: smmuv3}\n");
        Scenario alias = ScenarioLoader.parse("s.yaml", kdump(base, "smmuDriver: arm-smmu-v3@5.2"), List.of());
        Scenario named = ScenarioLoader.parse("s.yaml", kdump(base, "iommuDriver: arm-smmu-v3@5.2"), List.of());
        assertEquals(SmmuDriverPolicy.bySpecName("arm-smmu-v3@5.2"), MachineAssembler.assemble(named).kdump().smmuPolicy());
        assertEquals(MachineAssembler.assemble(alias).kdump().smmuPolicy(), MachineAssembler.assemble(named).kdump().smmuPolicy());
        assertEquals(ScenarioRunner.run(alias, "t").kernelLog(), ScenarioRunner.run(named, "t").kernelLog());
    }

    @Test
    void bothNamesAtOnceAreALocatedError() {
        assertAt(error(kdump(Hostile.BASE, "smmuDriver: arm-smmu-v3@5.2, iommuDriver: arm-smmu-v3@5.2")), "s.yaml", 10, 53,
                "both iommuDriver and smmuDriver are given");
    }

    @Test
    void sweepChartsAreFoundForEitherName() throws Exception {
        for (String key : List.of("smmuDriver", "iommuDriver")) {
            String text = Hostile.BASE + "sweep:\n  parameters:\n    - {path: kernels.kdump." + key
                    + ", values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]}\n    - {path: kernels.first.cmdline, values: [crashkernel=512M, crashkernel=1G]}\n";
            SweepPlan plan = SweepPlan.create("s.yaml", text, List.of(), List.of(), null);
            assertEquals("kernels.kdump." + key, plan.manifest().policy(), key);
        }
    }
}
