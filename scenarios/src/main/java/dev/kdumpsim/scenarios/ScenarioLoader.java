package dev.kdumpsim.scenarios;

import dev.kdumpsim.scenarios.load.Overrides;
import dev.kdumpsim.scenarios.load.RecordBinder;
import dev.kdumpsim.scenarios.load.ScenarioValidator;
import dev.kdumpsim.scenarios.load.Yaml;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads scenario files: YAML → node tree (with positions) → {@code --set} overrides → strict
 * binding to the {@link Scenario} records → cross-field validation. Every problem is one
 * {@link ScenarioException}; nothing else escapes for any input text.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /** Loads {@code file}, applying {@code overrides} ({@code dotted.path=value}) before binding. */
    public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file.toString(), 0, 0, "not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, 0, "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check the path");
        }
        return parse(file.toString(), text, overrides);
    }

    /** Loads {@code file} without overrides. */
    public static Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /** Parses scenario text; {@code name} is the file name used in error messages. */
    public static Scenario parse(String name, String text, List<String> overrides) throws ScenarioException {
        Node root = Yaml.compose(name, text);
        Overrides.apply(root, overrides);
        RecordBinder binder = new RecordBinder();
        Scenario scenario = (Scenario) binder.bind(root, Scenario.class, "", null);
        new ScenarioValidator(binder.locations()).validate(scenario);
        return scenario;
    }
}
