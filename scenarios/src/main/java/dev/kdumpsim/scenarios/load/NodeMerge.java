package dev.kdumpsim.scenarios.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The merge of {@code extends}: mappings merge key by key (recursively), everything else (lists,
 * values) is replaced, and the extending file's keys win. Nodes are reused, not copied, so each
 * keeps the mark of the file it was written in.
 *
 * <p>Keys keep the base's order, the extending file's new keys follow (the order a {@code Map}
 * value such as {@code expect.counters} is checked and reported in). A key written twice in one
 * file is kept twice, so the binder still reports the duplicate where it was written.
 */
final class NodeMerge {

    private NodeMerge() {
    }

    /** {@code own} over {@code base}; the result carries {@code own}'s marks. */
    static MappingNode merge(MappingNode base, MappingNode own) {
        List<NodeTuple> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<NodeTuple> ownLeft = new ArrayList<>(own.getValue());
        for (NodeTuple b : base.getValue()) {
            String key = key(b);
            NodeTuple o = key == null || taken.contains(key) ? null : first(ownLeft, key);
            if (o == null) {
                out.add(b);
                continue;
            }
            taken.add(key);
            ownLeft.remove(o);
            if (b.getValueNode() instanceof MappingNode bm && o.getValueNode() instanceof MappingNode om) {
                out.add(new NodeTuple(o.getKeyNode(), merge(bm, om)));
            } else {
                out.add(o);
            }
        }
        out.addAll(ownLeft);
        return new MappingNode(own.getTag(), true, out, own.getFlowStyle(), own.getStartMark(), own.getEndMark());
    }

    private static NodeTuple first(List<NodeTuple> tuples, String key) {
        for (NodeTuple t : tuples) {
            if (key.equals(key(t))) {
                return t;
            }
        }
        return null;
    }

    private static String key(NodeTuple t) {
        Node k = t.getKeyNode();
        return k instanceof ScalarNode s ? s.getValue() : null;
    }
}
