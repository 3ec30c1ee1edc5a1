package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.SeedConverter;
import dev.kdumpsim.cli.common.SetOptions;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.cli.html.RunHtml;
import dev.kdumpsim.cli.trace.BusRecords;
import dev.kdumpsim.cli.trace.ChromeTrace;
import dev.kdumpsim.cli.trace.FateCounters;
import dev.kdumpsim.cli.text.LogSummary;
import dev.kdumpsim.cli.text.Style;
import dev.kdumpsim.cli.text.VerdictText;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RateCheck;
import dev.kdumpsim.scenarios.run.RunReport;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.run.SeedRuns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim run FILE [-s SEED] [--set PATH=VALUE]... [-o DIR] [--log full|summary|none] [--format text|json]}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario: prints both kernels' logs (dmesg style, each kernel's own clock; floods collapsed unless --log full)",
            "and the verdict in plain words with every expectation. With --out writes DIR/kernel.log (the full log) and",
            "DIR/report.json (also when an expectation fails). A file with expect.rates also runs its N seeds (in parallel,",
            "--jobs) and checks each rate's bounds. Exit 1 if an expect: assertion fails (each failure is named),",
            "2 for invalid input, 3 for an internal error (a bug)."
        })
public final class RunCommand implements Callable<Integer> {

    /** How much of the kernels' logs the terminal gets. */
    enum LogMode {
        full, summary, none
    }

    /** What stdout carries. */
    enum Format {
        text, json
    }

    /** Whether stdout is a terminal (on JDK 17 a console exists only when stdin and stdout are terminals); tests replace it. */
    static volatile BooleanSupplier terminal = () -> System.console() != null;
    /** The environment (NO_COLOR, TERM); tests replace it. */
    static volatile Function<String, String> env = System::getenv;

    private static final List<String> FILES = List.of("kernel.log", "report.json");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path file;

    @Option(names = {"-s", "--seed"}, paramLabel = "SEED", converter = SeedConverter.class,
            description = "Seed of all random streams, decimal or 0x hex as in the file's seed: (overrides it).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override any scenario value by its dotted path, e.g. --set kernels.kdump.smmuDriver=arm-smmu-v3@5.2 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write kernel.log (the full log) and report.json into DIR (checked before the run).")
    String out;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report (timeline, memory map, ledger, events, AER, folded logs) to FILE.")
    String html;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Also write the run as a Chrome trace-event JSON file (Perfetto UI, trace_processor, chrome://tracing).")
    String trace;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Run N seeds (the file's or --seed's, then the next N-1) and print how often each verdict field, the expectations and each expect.log pattern held, then check expect.rates over these N seeds if the file has it; no logs, no files.")
    Integer seeds;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parallel runs for --seeds and expect.rates (default: the machine's cores).")
    Integer jobs;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Event budget: a scenario whose estimated simulation events exceed N is refused at load (default 200,000,000: RunBudget.DEFAULT_MAX_EVENTS).")
    Long maxEventsOption;

    long maxEvents() {
        return maxEventsOption == null ? RunBudget.DEFAULT_MAX_EVENTS : maxEventsOption;
    }

    @Option(names = "--log", paramLabel = "MODE", defaultValue = "summary",
            description = "Kernel logs on the terminal: full, summary (floods collapsed to their first records and a count), or none (default: ${DEFAULT-VALUE}).")
    LogMode log;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (logs and verdict), or json: the report.json document alone on stdout (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        SetOptions.check(spec, sets);
        if (format == Format.json && spec.commandLine().getParseResult().hasMatchedOption("--log")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--log applies to --format text (json prints the report alone)");
        }
        if (seeds != null) {
            return runSeeds();
        }
        OutputDirectory dir = out == null ? null : OutputDirectory.check(spec, out, FILES);
        OutputDirectory.File htmlFile = html == null ? null : OutputDirectory.file(spec, "--html", html, "report.html");
        OutputDirectory.File traceFile = trace == null ? null : OutputDirectory.file(spec, "--trace", trace, "trace.json");
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Scenario s = ScenarioFiles.load(file, overrides, maxEvents());
        FateCounters counters = trace == null ? null : new FateCounters(); // collected only for a trace
        BusRecords bus = trace == null ? null : new BusRecords();
        ScenarioRunner.Outcome o;
        try (RunProgress progress = RunProgress.start(spec.commandLine().getErr(), terminal.getAsBoolean(), env.apply("CI"))) {
            o = ScenarioRunner.run(s, VersionProvider.version(), maxEvents(), m -> {
                progress.watch(m.simulation());
                if (counters != null) {
                    m.rootComplex().addTransactionObserver(counters);
                    m.simulation().trace().addListener(bus);
                }
            });
        } catch (RunBudget.Exceeded e) {
            throw new UserInputException(file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        List<RateCheck.Result> rates = s.expect().rates().isPresent() ? expectedRates(s, overrides) : List.of();
        List<String> failures = new ArrayList<>(o.failures());
        rates.stream().filter(r -> !r.passed()).forEach(r -> failures.add(r.failure()));
        if (!rates.isEmpty()) {
            // report.json says what the exit code says: failed rates are failed expectations
            @SuppressWarnings("unchecked")
            Map<String, Object> exp = (Map<String, Object>) o.report().get("expectations");
            exp.put("passed", failures.isEmpty());
            exp.put("failures", new ArrayList<>(failures));
        }
        String report = RunReport.toJson(o.report());
        if (dir != null) {
            Map<String, OutputDirectory.Body> files = new LinkedHashMap<>();
            files.put("kernel.log", o.kernelLogText()::writeTo); // streamed from the log stores, never one string
            files.put("report.json", OutputDirectory.Body.of(report));
            dir.commitBodies(files);
        }
        if (traceFile != null) {
            traceFile.write(ChromeTrace.render(o, counters, bus));
        }
        if (htmlFile != null) {
            htmlFile.write(RunHtml.render(o));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format == Format.json) {
            w.print(report);
        } else {
            Style style = Style.choose(terminal.getAsBoolean(), env);
            switch (log) {
                case full -> {
                    try {
                        o.kernelLogText().writeTo(w);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e); // a PrintWriter does not throw
                    }
                }
                case summary -> {
                    try { // read and written as it goes, not held whole (a PrintWriter reports errors by checkError)
                        LogSummary.summarize(o.kernelLogText().lines(), dir == null ? "--log full"
                                : Path.of(out).resolve("kernel.log").toString(), style, w);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                case none -> { }
            }
            w.print(VerdictText.of(o, style));
            if (!rates.isEmpty()) {
                w.print(SeedRates.expected(rates, s.seed(), style));
            }
        }
        w.flush();
        if (!failures.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (String f : failures) {
                err.println("kdumpsim: expectation failed: " + f);
            }
            err.flush();
            return ExitCodes.EXPECTATION_FAILED;
        }
        return ExitCodes.OK;
    }

    /** {@code expect.rates}: its seeds from the run's seed, in parallel on --jobs threads. */
    private List<RateCheck.Result> expectedRates(Scenario s, List<String> overrides) {
        try {
            return SeedRates.check(s, file, overrides, threads(), maxEvents());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted");
        }
    }

    private int threads() {
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        return threads;
    }

    /**
     * {@code --seeds N}: the rates table, then {@code expect.rates} checked over these N seeds when
     * the file has it (exit 1 if a rate is out of its bounds; without expect.rates rates inform and
     * assert nothing).
     */
    private int runSeeds() {
        if (seeds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds must be at least 1");
        }
        if (out != null || format == Format.json) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds prints a rates table; it takes no --out or --format json");
        }
        int threads = threads();
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Scenario s = ScenarioFiles.load(file, overrides, maxEvents());
        long first = s.seed();
        List<SeedRuns.SeedOutcome> outcomes;
        try {
            outcomes = SeedRates.run(file, sets, first, seeds, threads, maxEvents());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted");
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(SeedRates.table(outcomes));
        if (s.expect().rates().isEmpty()) {
            w.flush();
            return ExitCodes.OK;
        }
        List<RateCheck.Result> rates = RateCheck.check(s.expect().rates().get(), outcomes);
        w.print(SeedRates.expected(rates, first, Style.choose(terminal.getAsBoolean(), env)));
        w.flush();
        PrintWriter err = spec.commandLine().getErr();
        rates.stream().filter(r -> !r.passed()).forEach(r -> err.println("kdumpsim: expectation failed: " + r.failure()));
        err.flush();
        return rates.stream().allMatch(RateCheck.Result::passed) ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
