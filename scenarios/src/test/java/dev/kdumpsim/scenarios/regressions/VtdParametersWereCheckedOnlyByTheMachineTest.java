package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertLocated;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What broke: {@code platform.iommu.vtd} values the hardware or the modelled driver cannot take
 * (queuedInvalidation: false, faultRecordCount: 0, odd domainIdBits; scalableMode: true until the
 * driver modelled scalable mode) passed
 * the field checks and were refused only by building the Machine, as "validation should have
 * named the value to change", located at the platform. Input: the x86 post-copy library scenario
 * with one such value. Fix: the validator checks the VT-d record's encodings and the driver's
 * needs, each at its own field, with a hint.
 */
class VtdParametersWereCheckedOnlyByTheMachineTest {

    static String with(String vtd) throws Exception {
        String text = Files.readString(Path.of("library/x86-vtd-postcopy.yaml"));
        return text.replace("  iommu: {model: vt-d}\n", "  iommu:\n    model: vt-d\n    vtd: {" + vtd + "}\n");
    }

    static void refusedAtTheField(String vtd, String part) throws Exception {
        String text = with(vtd);
        ScenarioException e = error(text);
        assertLocated(e, "s.yaml", part);
        int line = text.substring(0, text.indexOf("    vtd: {")).split("\n", -1).length;
        assertEquals(line, e.line(), e.format());
        assertFalse(e.format().contains("validation should have named"), e.format());
    }

    @Test
    void eachUnbuildableValueIsNamedAtItsField() throws Exception {
        refusedAtTheField("queuedInvalidation: false", "invalidates through the queue only");
        refusedAtTheField("faultRecordCount: 0", "CAP.NFR encodes 1 to 256");
        refusedAtTheField("domainIdBits: 7", "CAP.ND encodes 4, 6, ... 16");
    }
}
