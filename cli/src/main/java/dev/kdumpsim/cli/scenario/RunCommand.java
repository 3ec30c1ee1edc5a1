package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.ExitCodes;
import dev.kdumpsim.cli.SeedConverter;
import dev.kdumpsim.cli.SetOptions;
import dev.kdumpsim.cli.UserInputException;
import dev.kdumpsim.cli.VersionProvider;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunReport;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim run FILE [-s SEED] [--set PATH=VALUE]... [-o DIR]}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario: prints both kernels' logs (dmesg style, each kernel's own clock) and the verdict.",
            "With --out writes DIR/kernel.log and DIR/report.json (also when an expectation fails).",
            "Exit 1 if an expect: assertion fails (each failure is named), 2 for invalid input."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path file;

    @Option(names = {"-s", "--seed"}, paramLabel = "SEED", converter = SeedConverter.class,
            description = "Seed of all random streams, decimal or 0x hex as in the file's seed: (overrides it).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override any scenario value by its dotted path, e.g. --set kernels.kdump.smmuDriver=arm-smmu-v3@5.2 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write kernel.log and report.json into DIR.")
    Path out;

    @Override
    public Integer call() {
        SetOptions.check(spec, sets);
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Scenario s = ScenarioFiles.load(file, overrides);
        ScenarioRunner.Outcome o;
        try {
            o = ScenarioRunner.run(s, VersionProvider.version());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(o.kernelLog());
        w.print(VerdictText.of(o));
        w.flush();
        if (out != null) {
            ScenarioFiles.writeAtomically(out, "kernel.log", o.kernelLog());
            ScenarioFiles.writeAtomically(out, "report.json", RunReport.toJson(o.report()));
        }
        if (!o.passed()) {
            PrintWriter err = spec.commandLine().getErr();
            for (String f : o.failures()) {
                err.println("kdumpsim: expectation failed: " + f);
            }
            err.flush();
            return ExitCodes.EXPECTATION_FAILED;
        }
        return ExitCodes.OK;
    }
}
