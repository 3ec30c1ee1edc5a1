package dev.kdumpsim.cli.search;

import dev.kdumpsim.cli.common.SetOptions;
import dev.kdumpsim.cli.sweep.AutoShard;
import dev.kdumpsim.scenarios.sweep.Shard;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code fit} and {@code explore} share: budget, jobs, output, shard, resume, merge, sets. */
final class SearchArgs {

    @Option(names = "--budget", paramLabel = "N", defaultValue = "64", description = "Runs of the simulator the search may spend (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Runs at once (default: the number of processors); the outputs are the same at any N.")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "K/N", description = {"Run only shard k of n: the brackets b (of 32 runs each) with b mod n = k-1;",
        "'auto' or 'auto/N' reads k and n from the CI job array as sweep does. Merge the shards with --merge."})
    String shard;

    @Option(names = "--resume", description = "Continue an interrupted search from DIR/evaluations.jsonl, without running finished candidates again.")
    boolean resume;

    @Option(names = "--merge", paramLabel = "DIR", arity = "1..*",
            description = "Run nothing: merge the --out directories of every shard of this search into --out (the files one unsharded run writes).")
    List<Path> merge = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value before the search (as for run). Repeatable.")
    List<String> sets = new ArrayList<>();

    /** The environment --shard auto reads (tests replace it). */
    Map<String, String> env = System.getenv();

    SweepOptions options(CommandSpec spec, Path out) {
        SetOptions.check(spec, sets);
        Shard slice = AutoShard.option(spec, shard, env);
        int threads = AutoShard.jobs(spec, jobs);
        if (!merge.isEmpty() && (shard != null || resume)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--merge runs nothing: give it without --shard and --resume");
        }
        return new SweepOptions(threads, slice, out, resume);
    }
}
