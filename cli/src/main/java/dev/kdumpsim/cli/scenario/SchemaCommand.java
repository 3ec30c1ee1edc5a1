package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.scenarios.load.JsonSchemas;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kdumpsim schema}: the scenario format's draft-07 JSON Schema, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the JSON Schema (draft-07) of scenario files.",
            "Editors use it via a first line: # yaml-language-server: $schema=<path to the saved schema>"})
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JsonSchemas.scenarioSchema());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
