package dev.kdumpsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.scenarios.binding.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The node merge of {@code extends}: key order, the file each node comes from, duplicates kept. */
class NodeMergeTest {

    private static MappingNode yaml(String label, String text) throws Exception {
        return (MappingNode) Yaml.compose(label, text);
    }

    private static List<String> keys(MappingNode m) {
        List<String> out = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            out.add(((ScalarNode) t.getKeyNode()).getValue());
        }
        return out;
    }

    private static Node get(MappingNode m, String key) {
        return m.getValue().stream().filter(t -> ((ScalarNode) t.getKeyNode()).getValue().equals(key)).findFirst().orElseThrow().getValueNode();
    }

    private static String file(Node n) {
        return n.getStartMark().orElseThrow().getName();
    }

    @Test
    void baseOrderFirstThenNewKeys() throws Exception {
        MappingNode m = NodeMerge.merge(yaml("b", "a: 1\nb: 2\nc: 3\n"), yaml("o", "d: 4\nb: 5\n"));
        assertEquals(List.of("a", "b", "c", "d"), keys(m));
        assertEquals("5", ((ScalarNode) get(m, "b")).getValue());
    }

    @Test
    void eachNodeKeepsTheFileItWasWrittenIn() throws Exception {
        MappingNode m = NodeMerge.merge(yaml("base.yaml", "x: {p: 1, q: 2}\n"), yaml("own.yaml", "x: {q: 3}\n"));
        MappingNode x = (MappingNode) get(m, "x");
        assertEquals("base.yaml", file(get(x, "p")));
        assertEquals("own.yaml", file(get(x, "q")));
        assertEquals("own.yaml", file(x), "a merged mapping is where the extending file wrote it");
    }

    @Test
    void aListOrValueReplacesAMappingAndTheOtherWayRound() throws Exception {
        MappingNode m = NodeMerge.merge(yaml("b", "x: {p: 1}\ny: [1, 2]\n"), yaml("o", "x: [3]\ny: {p: 1}\n"));
        assertEquals("o", file(get(m, "x")));
        assertEquals("o", file(get(m, "y")));
    }

    @Test
    void duplicatesAreKeptForTheBinderToReport() throws Exception {
        assertEquals(List.of("a", "a"), keys(NodeMerge.merge(yaml("b", "a: 1\n"), yaml("o", "a: 2\na: 3\n"))));
        assertEquals(List.of("a", "a"), keys(NodeMerge.merge(yaml("b", "a: 1\na: 2\n"), yaml("o", "a: 3\n"))));
    }
}
