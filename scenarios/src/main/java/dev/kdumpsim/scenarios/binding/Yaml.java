package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * YAML text to a node tree whose every node carries its {@link Mark} (line, column and the
 * source label: the file name, or {@code --set path} for an override value).
 */
public final class Yaml {

    /** Source label of default values written in {@code @Doc(dflt=...)}. */
    public static final String DEFAULT_LABEL = "<default>";
    private static final String SET_PREFIX = "--set ";

    private Yaml() {
    }

    /** Composes one document; an empty document gives an empty mapping at 1:1. */
    public static Node compose(String label, String text) throws ScenarioException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(true) // reported by the binder, with the key's location
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(50) // billion-laughs guard
                .setCodePointLimit(ScenarioText.MAX_FILE_BYTES + 1) // ScenarioText.check bounds the text first
                .build();
        ScenarioText.check(label, text);
        try {
            Parser parser = new LimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), label);
            Optional<Node> node = new Composer(settings, parser).getSingleNode();
            return node.orElseGet(() -> new MappingNode(Tag.MAP, true, new java.util.ArrayList<>(), org.snakeyaml.engine.v2.common.FlowStyle.BLOCK,
                    Optional.of(new Mark(label, 0, 0, 0, new int[0], 0)), Optional.empty()));
        } catch (LimitedParser.Limit e) {
            throw e.error;
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            throw error(label, mark, "YAML syntax: " + oneLine(problem), oneLine(context));
        } catch (YamlEngineException e) {
            String message = oneLine(String.valueOf(e.getMessage()));
            throw error(label, Optional.empty(), "YAML: " + message, message.contains("aliases")
                    ? "anchors and aliases of lists and mappings expand at most 50 times (billion-laughs guard): write the values out" : "");
        }
    }

    /** An error located at a node. */
    public static ScenarioException error(Node node, String message, String hint) {
        return error(null, node.getStartMark(), message, hint);
    }

    static ScenarioException error(String label, Optional<Mark> mark, String message, String hint) {
        String name = mark.map(Mark::getName).orElse(label);
        if (name != null && name.startsWith(SET_PREFIX)) {
            return new ScenarioException(name, 0, 0, message, hint);
        }
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int col = mark.map(m -> m.getColumn() + 1).orElse(1);
        return new ScenarioException(name == null ? "<scenario>" : name, line, col, message, hint);
    }

    public static String setLabel(String path) {
        return SET_PREFIX + path;
    }

    /** True for {@code ~}, {@code null}, or an empty plain value. */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && Tag.NULL.equals(s.getTag());
    }

    /** "a mapping", "a list", "a value": for "expected X, got Y" messages. */
    public static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        } else if (node instanceof SequenceNode) {
            return "a list";
        } else if (isNull(node)) {
            return "nothing (null)";
        }
        return "'" + shorten(((ScalarNode) node).getValue()) + "'";
    }

    /** {@code s} on one line, cut to 60 characters: how messages quote a user's value. */
    public static String shorten(String s) {
        String one = oneLine(s);
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    /** {@code s} with every run of whitespace, line breaks included, as one space. */
    public static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
