package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.sweep.OutputLock;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link SearchPlan}: the brackets of one shard side by side, rung by rung. Each rung's
 * candidates of every bracket are one batch, run on a fixed pool of {@code jobs} threads; the
 * scores are handed back to the brackets in candidate order once the whole batch is done, so the
 * next rung's candidates (and so every output) are the same at any {@code --jobs}. Each finished
 * run is appended to {@code evaluations.jsonl} at once; {@code --resume} takes the runs found there
 * instead of running them again (after checking each is the candidate this plan makes at that
 * place). Candidates whose values equal an earlier candidate's are not run twice.
 *
 * <p>Options, the output lock and the shard are the sweep's ({@link SweepOptions}, {@link OutputLock},
 * {@link dev.kdumpsim.scenarios.sweep.Shard}); shards divide brackets round-robin.
 */
public final class SearchEngine {

    private SearchEngine() {
    }

    public static SearchResult run(SearchPlan plan, Objective objective, SweepOptions options) throws IOException, SearchInputException,
            InterruptedException {
        try (OutputLock lock = OutputLock.acquire(options.outDir(), plan.manifest().command())) {
            return runLocked(plan, objective, options);
        } catch (dev.kdumpsim.scenarios.sweep.SweepInputException e) {
            throw new SearchInputException(e.getMessage());
        }
    }

    private static SearchResult runLocked(SearchPlan plan, Objective objective, SweepOptions options) throws IOException,
            SearchInputException, InterruptedException {
        Path dir = options.outDir();
        SearchManifest manifest = plan.manifest().withShard(options.shard());
        Map<String, Evaluation> earlier = new HashMap<>();
        if (options.resume()) {
            EvaluationLog.Contents c = EvaluationLog.read(dir);
            if (c != null) {
                if (!c.manifest().equals(manifest)) {
                    throw new SearchInputException(dir + " holds the evaluations of another search (" + c.manifest() + ", not " + manifest
                            + "); --resume continues only the same search and shard: use another --out, or run without --resume");
                }
                c.rows().forEach(e -> earlier.put(e.bracket() + ":" + e.id(), e));
            }
        }
        List<BracketSearch> brackets = new ArrayList<>();
        for (int b = 0; b < plan.brackets(); b++) {
            if (options.shard().contains(b)) {
                brackets.add(new BracketSearch(plan.space(), b, plan.bracketBudget(b), plan.base().seed(), plan.origin()));
            }
        }
        List<Evaluation> all = new ArrayList<>();
        int[] resumed = new int[1];
        Map<String, Scored> byValues = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()), daemon());
        try (EvaluationLog log = EvaluationLog.start(dir, manifest, List.copyOf(earlier.values()).stream().sorted(Evaluation::byPosition).toList())) {
            while (true) {
                List<Candidate> batch = new ArrayList<>();
                List<BracketSearch> owners = new ArrayList<>();
                for (BracketSearch s : brackets) {
                    for (Candidate c : s.next()) {
                        batch.add(c);
                        owners.add(s);
                    }
                }
                if (batch.isEmpty()) {
                    break;
                }
                List<Future<Evaluation>> futures = new ArrayList<>();
                for (Candidate c : batch) {
                    List<String> sets = c.sets(plan.space());
                    Evaluation before = earlier.get(c.bracket() + ":" + c.id());
                    if (before != null) {
                        if (!before.sets().equals(sets)) {
                            throw new SearchInputException("the journal's candidate " + c.bracket() + ":" + c.id() + " was " + before.sets()
                                    + ", not " + sets + "; run without --resume");
                        }
                        resumed[0]++;
                        futures.add(java.util.concurrent.CompletableFuture.completedFuture(before));
                        continue;
                    }
                    futures.add(pool.submit(() -> {
                        Scored s = byValues.computeIfAbsent(String.join("\n", sets), k -> evaluate(plan, objective, sets));
                        Evaluation e = new Evaluation(c.bracket(), c.id(), c.rung(), sets, s);
                        log.append(e);
                        return e;
                    }));
                }
                for (int i = 0; i < batch.size(); i++) {
                    Evaluation e = get(futures.get(i));
                    all.add(e);
                    owners.get(i).record(batch.get(i), e.scored().score());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        SearchResult r = new SearchResult(manifest, all, resumed[0]);
        EvaluationLog.write(dir, manifest, r.evaluations());
        return r;
    }

    private static Scored evaluate(SearchPlan plan, Objective objective, List<String> sets) {
        Scenario s;
        try {
            s = plan.materialize(sets);
        } catch (ScenarioException e) {
            // a combination of values the validator refuses (or over the run budget): outside the feasible space
            return new Scored(Scored.FAILED, Map.of("error", e.format()));
        }
        try {
            return objective.evaluate(s);
        } catch (Exception | StackOverflowError | OutOfMemoryError | AssertionError e) {
            return Scored.failed(e);
        }
    }

    private static Evaluation get(Future<Evaluation> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof RuntimeException re) {
                throw re;
            } else if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "search-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
