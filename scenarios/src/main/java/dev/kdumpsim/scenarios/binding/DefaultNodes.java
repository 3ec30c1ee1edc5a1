package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The composed node of each {@code @Doc(dflt = ...)} text, composed once per process.
 *
 * <p>Why: every absent key of every variant of a sweep bound its default by composing the same
 * short YAML text again. The set of texts is the model's own (a few hundred at most), and the
 * binder only reads nodes, so one shared node per text is safe across threads.
 */
final class DefaultNodes {

    private static final ConcurrentHashMap<String, Node> NODES = new ConcurrentHashMap<>();

    private DefaultNodes() {
    }

    static Node of(String text) throws ScenarioException {
        Node n = NODES.get(text);
        if (n == null) {
            n = Yaml.compose(Yaml.DEFAULT_LABEL, text);
            NODES.putIfAbsent(text, n);
        }
        return n;
    }
}
