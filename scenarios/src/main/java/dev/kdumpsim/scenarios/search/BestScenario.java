package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A searched point written back as a scenario file (best.yaml, worst.yaml): the scenario's node
 * tree with its {@code extends:} chain merged in and the point's values set (so the file stands on
 * its own, wherever it is copied), dumped as YAML with each value's own quoting and flow style, under
 * a comment naming where it comes from and the values found. Comments of the original are not kept
 * (the YAML node tree holds none). It is loaded before it is returned: a file that does not load is
 * a bug, never written.
 */
public final class BestScenario {

    private BestScenario() {
    }

    public static String write(SearchPlan plan, Evaluation e, List<String> header) {
        List<String> all = new ArrayList<>(plan.sets());
        all.addAll(e.sets());
        String yaml;
        try {
            Node root = ScenarioLoader.tree(plan.file(), plan.text(), all);
            DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(200).setSplitLines(false).build();
            StringBuilder b = new StringBuilder();
            for (String h : header) {
                b.append(h.isEmpty() ? "#" : "# " + h).append('\n');
            }
            new Dump(settings).dumpNode(root, new StreamDataWriter() {
                @Override
                public void write(String str) {
                    b.append(str);
                }

                @Override
                public void write(String str, int off, int len) {
                    b.append(str, off, off + len);
                }
            });
            yaml = b.toString();
            ScenarioLoader.parse("best.yaml", yaml, List.of());
        } catch (ScenarioException ex) {
            throw new IllegalStateException("the searched point does not write back as a scenario that loads: " + ex.format(), ex);
        }
        return yaml;
    }
}
