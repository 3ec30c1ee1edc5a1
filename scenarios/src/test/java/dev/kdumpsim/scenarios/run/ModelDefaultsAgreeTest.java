package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Iommu;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.smmuv3.SmmuParameters;
import dev.kdumpsim.vtd.VtdParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario format's defaults for the IOMMU keys it exposes are the models' own: an empty
 * {@code platform.smmu} or {@code platform.iommu.vtd} section assembles exactly the parameters
 * the model declares as defaults ({@code SmmuParameters.DESCRIPTORS}, {@code VtdParameters.DESCRIPTORS}),
 * so a default changed in one place and not the other fails here instead of drifting.
 */
class ModelDefaultsAgreeTest {

    private static final String MACHINE = """
            platform:
            %s
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
            timeline: [{at: 10s, action: panic}]
            """;

    @Test
    void anEmptySmmuSectionIsTheSmmuModelsDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse("smmu.yaml", "name: d\n" + MACHINE.formatted("  smmu: {}"), List.of());
        assertEquals(SmmuParameters.defaults(), MachineAssembler.smmu(s.platform().smmu()));
    }

    @Test
    void anEmptyVtdSectionIsTheVtdModelsDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse("vtd.yaml", "name: d\n"
                + MACHINE.formatted("  arch: x86_64\n  iommu: {model: vt-d, vtd: {}}\n  dram: [{base: \"0x0\", size: 4GiB}]"),
                List.of());
        assertEquals(VtdParameters.defaults(), MachineAssembler.vtd(s.platform().iommu().flatMap(Iommu::vtd).orElseThrow()));
    }
}
