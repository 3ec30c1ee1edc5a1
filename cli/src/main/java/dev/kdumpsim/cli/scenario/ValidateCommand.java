package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.run.RunBudget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim validate FILE...}: loads and assembles each file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks scenario files (syntax, types, values, cross references, machine assembly). Exit 2 if any is invalid.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
    List<Path> files;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Event budget the files must fit, as run checks it (default 200,000,000: RunBudget.DEFAULT_MAX_EVENTS).")
    Long maxEventsOption;

    long maxEvents() {
        return maxEventsOption == null ? RunBudget.DEFAULT_MAX_EVENTS : maxEventsOption;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path f : files) {
            try {
                MachineAssembler.assemble(ScenarioLoader.load(f, List.of(), maxEvents()));
                out.println(f + ": ok");
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                bad++;
            } catch (IllegalArgumentException e) {
                err.println(f + ": " + e.getMessage());
                bad++;
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
