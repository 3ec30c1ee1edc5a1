package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A scenario file composed once: its YAML read into a node tree with positions and its
 * {@code extends:} chain merged in (base files read once). Sweep, fit and explore make every
 * variant from one of these ({@link ScenarioLoader#parse(ComposedScenario, java.util.List, long)}),
 * each on its own copy of the tree, instead of scanning the text and reading the base files
 * again per variant. Immutable to its users: the tree never leaves this class uncopied.
 */
public final class ComposedScenario {

    private final String name;
    private final Node root;

    private ComposedScenario(String name, Node root) {
        this.name = name;
        this.root = root;
    }

    /** Composes {@code text}, named {@code name} in messages (the file {@code extends:} paths are relative to). */
    public static ComposedScenario of(String name, String text) throws ScenarioException {
        return new ComposedScenario(name, Extends.apply(name, Yaml.compose(name, text)));
    }

    public String name() {
        return name;
    }

    /** A fresh deep copy of the merged tree, free to edit. */
    Node tree() {
        return NodeCopy.of(root);
    }
}
