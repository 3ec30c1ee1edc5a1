package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.kernel.smmu.SmmuFeatures;
import java.util.function.Consumer;

/** The imported scenario's {@code platform.smmu.features}: the mask the driver's identity line printed. */
final class SmmuFeaturesLine {

    private SmmuFeaturesLine() {
    }

    /** The printed feature mask as platform.smmu.features (and the stream table it implies), when the model can give it. */
    static void write(Facts facts, Consumer<String> line, Assumptions assumed) {
        if (facts.smmuFeatures == null) {
            return;
        }
        long f = Long.parseLong(facts.smmuFeatures.substring(2), 16);
        String why = f > 0xffffffffL ? "wider than 32 bits" : SmmuFeatures.unreachable((int) f);
        if (why != null) {
            line.accept("    # features " + facts.smmuFeatures + " (" + facts.smmuWhere + ") left out: " + why);
            assumed.add("platform.smmu.features", "the model's SMMU: the printed " + facts.smmuFeatures + " is not one it builds (" + why + ")");
            return;
        }
        line.accept("    features: \"" + String.format(java.util.Locale.ROOT, "0x%x", f) + "\"  # " + facts.smmuWhere);
        if ((f & SmmuFeatures.FEAT_2_LVL_STRTAB) == 0) {
            line.accept("    streamTable: linear  # the features lack 2_LVL_STRTAB");
        }
    }
}
