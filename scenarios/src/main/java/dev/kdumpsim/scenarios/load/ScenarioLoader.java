package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.RecordBinder;
import dev.kdumpsim.scenarios.binding.ScenarioText;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.devices.PresetMerge;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads scenario files: YAML → node tree (with positions) → the {@code extends:} chain merged in
 * ({@link Extends}; nodes keep their file's positions) → {@code --set} overrides → device
 * presets (the catalogue's values for the keys an endpoint leaves out, {@link PresetMerge}) → strict
 * binding to the {@link Scenario} records → cross-field validation. Every problem is one
 * {@link ScenarioException}; nothing else escapes for any input text.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /** Loads {@code file}, applying {@code overrides} ({@code dotted.path=value}) before binding. */
    public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
        return parse(file.toString(), readText(file), overrides);
    }

    /**
     * Loads {@code file} with a run budget of {@code maxEvents} simulation events (the CLI's
     * {@code --max-events}): a scenario whose estimated run exceeds it is a located error
     * ({@link RunBudget}); pass the same number to {@link dev.kdumpsim.scenarios.run.ScenarioRunner#run(Scenario, String, long)}.
     */
    public static Scenario load(Path file, List<String> overrides, long maxEvents) throws ScenarioException {
        return parse(file.toString(), readText(file), overrides, maxEvents);
    }

    /**
     * The text of a scenario file, read within the loader's bounds (at most 1 MiB, read through a
     * bounded stream; strict UTF-8, a malformed byte located at its line and column). Commands that
     * read a file themselves (sweep) should read it with this.
     */
    public static String readText(Path file) throws ScenarioException {
        return ScenarioText.read(file);
    }

    /** Loads {@code file} without overrides. */
    public static Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * Parses scenario text; {@code name} is the file name used in error messages and the file an
     * {@code extends:} path is relative to.
     */
    public static Scenario parse(String name, String text, List<String> overrides) throws ScenarioException {
        return parse(name, text, overrides, RunBudget.DEFAULT_MAX_EVENTS);
    }

    /**
     * The node tree {@link #parse} binds, before device presets: the {@code extends:} chain merged
     * and the overrides applied (for writing a scenario back with values changed, as kdumpsim fit does).
     */
    public static Node tree(String name, String text, List<String> overrides) throws ScenarioException {
        Node root = Extends.apply(name, Yaml.compose(name, text));
        Overrides.apply(root, overrides);
        return root;
    }

    /** Parses scenario text within a run budget of {@code maxEvents} simulation events. */
    public static Scenario parse(String name, String text, List<String> overrides, long maxEvents) throws ScenarioException {
        checkBudget(maxEvents);
        return bind(Extends.apply(name, Yaml.compose(name, text)), overrides, maxEvents);
    }

    /**
     * A variant of a file composed once: the same result as {@link #parse(String, String, List, long)}
     * on the file's text, without composing it again.
     */
    public static Scenario parse(ComposedScenario file, List<String> overrides, long maxEvents) throws ScenarioException {
        checkBudget(maxEvents);
        return bind(file.tree(), overrides, maxEvents);
    }

    /** The node tree of a variant of a file composed once, as {@link #tree(String, String, List)} gives it. */
    public static Node tree(ComposedScenario file, List<String> overrides) throws ScenarioException {
        Node root = file.tree();
        Overrides.apply(root, overrides);
        return root;
    }

    private static void checkBudget(long maxEvents) throws ScenarioException {
        if (maxEvents < 1) {
            throw new ScenarioException("--max-events", 0, 0, "the event budget must be at least 1, not " + maxEvents, "");
        }
    }

    private static Scenario bind(Node root, List<String> overrides, long maxEvents) throws ScenarioException {
        Overrides.apply(root, overrides);
        PresetMerge.apply(root);
        RecordBinder binder = new RecordBinder();
        Scenario scenario = (Scenario) binder.bind(root, Scenario.class, "", null);
        new ScenarioValidator(binder.locations(), new RunBudget(maxEvents)).validate(scenario);
        return scenario;
    }
}
