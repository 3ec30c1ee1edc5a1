package dev.kdumpsim.scenarios.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A deep copy of a composed node tree, marks, tags and styles kept, so that the steps after
 * composition ({@code --set} overrides, device presets), which edit the tree in place, can run
 * on a copy of a tree composed once. A node reached twice (a YAML alias) is copied once and
 * shared in the copy as in the original, so an override of an aliased value reads the same.
 * Copies are marked resolved: snakeyaml keeps that flag for its own constructors, and the binder
 * reads tags and text only.
 */
final class NodeCopy {

    private final Map<Node, Node> copies = new IdentityHashMap<>();

    private NodeCopy() {
    }

    static Node of(Node root) {
        return new NodeCopy().copy(root);
    }

    private Node copy(Node n) {
        Node done = copies.get(n);
        if (done != null) {
            return done;
        }
        Node c;
        if (n instanceof ScalarNode s) {
            c = new ScalarNode(s.getTag(), true, s.getValue(), s.getScalarStyle(), s.getStartMark(), s.getEndMark());
            copies.put(n, c);
        } else if (n instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>(s.getValue().size());
            SequenceNode seq = new SequenceNode(s.getTag(), true, items, s.getFlowStyle(), s.getStartMark(), s.getEndMark());
            copies.put(n, seq);
            for (Node item : s.getValue()) {
                items.add(copy(item));
            }
            c = seq;
        } else if (n instanceof MappingNode m) {
            List<NodeTuple> tuples = new ArrayList<>(m.getValue().size());
            MappingNode map = new MappingNode(m.getTag(), true, tuples, m.getFlowStyle(), m.getStartMark(), m.getEndMark());
            copies.put(n, map);
            for (NodeTuple t : m.getValue()) {
                tuples.add(new NodeTuple(copy(t.getKeyNode()), copy(t.getValueNode())));
            }
            c = map;
        } else {
            throw new IllegalStateException("unexpected YAML node " + n.getNodeType());
        }
        c.setAnchor(n.getAnchor());
        return c;
    }
}
