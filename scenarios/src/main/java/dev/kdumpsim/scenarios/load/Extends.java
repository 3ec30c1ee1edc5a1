package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.ScenarioText;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code extends: base.yaml} at the top level of a scenario file: the base file (a path relative
 * to the extending file) is loaded the same way, its own {@code extends} first, and the two node
 * trees are merged by {@link NodeMerge} before {@code --set} overrides and presets apply.
 *
 * <p>The merge works on snakeyaml-engine nodes, so every node keeps the {@code Mark} of the file
 * it was written in and an error in a value the base gave names the base file, line and column.
 *
 * <p>Bounds: at most {@link #MAX_DEPTH} bases in a chain, each read within {@link ScenarioText}'s
 * bounds (1 MiB), so one load reads at most 9 MiB; a base must be a regular file (a FIFO or
 * {@code /dev/stdin} would block the load) and is named by a relative path (a scenario
 * directory stays relocatable).
 */
public final class Extends {

    /** The top-level key. */
    public static final String KEY = "extends";
    /** Most bases one file may pull in through a chain (a extends b extends c ...). */
    public static final int MAX_DEPTH = 8;

    private Extends() {
    }

    /**
     * {@code root} with its {@code extends} chain merged in (the {@code extends} key removed), or
     * {@code root} itself when it has none. {@code label} is the file's name as given (the
     * base is resolved against its directory).
     */
    public static Node apply(String label, Node root) throws ScenarioException {
        return apply(label, root, new ArrayList<>(), 0);
    }

    private static Node apply(String label, Node root, List<Path> chain, int depth) throws ScenarioException {
        if (!(root instanceof MappingNode map)) {
            return root; // the binder reports a document that is not a mapping
        }
        NodeTuple ext = null;
        List<NodeTuple> rest = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(KEY)) {
                if (ext != null) {
                    throw Yaml.error(k, "duplicate key 'extends' in the scenario", "a file extends one base; chain bases to combine more");
                }
                ext = t;
            } else {
                rest.add(t);
            }
        }
        if (ext == null) {
            return root;
        }
        Node value = ext.getValueNode();
        if (!(value instanceof ScalarNode s) || Yaml.isNull(value) || s.getValue().isBlank()) {
            throw Yaml.error(value, "extends: expected a file name, got " + Yaml.kind(value),
                    "write e.g. extends: base/report-2018-machine.yaml (relative to this file)");
        }
        Path self = self(label);
        if (chain.isEmpty() && self != null) {
            chain.add(real(self));
        }
        Path base = resolve(s, self);
        Path real = real(base);
        if (chain.contains(real)) {
            throw Yaml.error(s, "extends cycle: " + cycle(chain, real), "a base must not extend a file that extends it");
        }
        if (depth >= MAX_DEPTH) {
            throw Yaml.error(s, "extends chain is deeper than " + MAX_DEPTH + " files", "merge some of the bases into one file");
        }
        chain.add(real);
        String baseLabel = base.toString();
        Node baseRoot = Yaml.compose(baseLabel, ScenarioText.read(base));
        baseRoot = apply(baseLabel, baseRoot, chain, depth + 1);
        if (!(baseRoot instanceof MappingNode baseMap)) {
            throw Yaml.error(baseRoot, "a base scenario must be a mapping of keys, got " + Yaml.kind(baseRoot), "");
        }
        MappingNode own = new MappingNode(map.getTag(), true, rest, map.getFlowStyle(), map.getStartMark(), map.getEndMark());
        return NodeMerge.merge(baseMap, own);
    }

    /** The file a label names, or null when it names none (text parsed under a made-up name). */
    private static Path self(String label) {
        try {
            return label == null || label.startsWith("<") ? null : Path.of(label);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path resolve(ScalarNode s, Path self) throws ScenarioException {
        String name = s.getValue().strip();
        Path rel;
        try {
            rel = Path.of(name);
        } catch (InvalidPathException e) {
            throw Yaml.error(s, "extends: '" + Yaml.shorten(name) + "' is not a file name", "write a path relative to this file");
        }
        if (rel.isAbsolute() || name.startsWith("~")) {
            throw Yaml.error(s, "extends: '" + Yaml.shorten(name) + "' is not a relative path",
                    "write the base's path relative to this file's directory, e.g. base/machine.yaml or ../common.yaml");
        }
        Path dir = self == null ? null : self.getParent();
        Path base = (dir == null ? rel : dir.resolve(rel)).normalize();
        if (!Files.exists(base)) {
            throw Yaml.error(s, "extends: base file " + base + " does not exist", "the path is relative to this file's directory");
        }
        if (!Files.isRegularFile(base)) {
            throw Yaml.error(s, "extends: " + base + " is not a regular file", "name a scenario YAML file");
        }
        return base;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String cycle(List<Path> chain, Path again) {
        StringBuilder b = new StringBuilder();
        for (Path p : chain.subList(chain.indexOf(again), chain.size())) {
            b.append(p.getFileName()).append(" -> ");
        }
        return b.append(again.getFileName()).toString();
    }
}
