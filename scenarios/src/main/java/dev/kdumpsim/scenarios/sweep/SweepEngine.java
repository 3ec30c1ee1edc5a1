package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link SweepPlan}: the variants of one shard on a fixed pool of worker threads that
 * pull the next variant index from a shared counter (threads are made once per sweep, never per
 * variant). Each finished variant is appended to the journal at once; when all have finished, the
 * rows are put in variant order and the outputs written ({@link SweepOutputs}), so the files are
 * the same bytes for any number of jobs and any completion order.
 *
 * <p>A variant whose runner throws (also OutOfMemoryError, or a run past its event budget), or
 * whose estimated run exceeds the budget, is a crashed row and the sweep goes on. A variant whose
 * scenario does not load (a combination of values the validator rejects) stops the sweep with
 * that {@link ScenarioException}: it is bad input, not a result.
 */
public final class SweepEngine {

    private SweepEngine() {
    }

    public static SweepResult run(SweepPlan plan, VariantRunner runner, SweepOptions options, SweepProgress progress)
            throws ScenarioException, SweepInputException, IOException, InterruptedException {
        Path dir = options.outDir();
        try (OutputLock lock = OutputLock.acquire(dir, "sweep")) {
            return runLocked(plan, runner, options, progress, dir);
        }
    }

    private static SweepResult runLocked(SweepPlan plan, VariantRunner runner, SweepOptions options, SweepProgress progress, Path dir)
            throws ScenarioException, SweepInputException, IOException, InterruptedException {
        SweepManifest manifest = plan.manifest().withShard(options.shard());
        int[] mine = java.util.stream.IntStream.range(0, plan.size()).filter(options.shard()::contains).toArray();
        VariantRow[] rows = new VariantRow[plan.size()];
        int resumed = 0;
        if (options.resume()) {
            for (VariantRow r : earlierRows(dir, manifest)) {
                check(plan, options.shard(), rows, r);
                if (rows[r.index()] == null) {
                    rows[r.index()] = r;
                    resumed++;
                }
            }
        }
        List<VariantRow> kept = new ArrayList<>();
        List<Integer> todoList = new ArrayList<>();
        for (int i : mine) {
            if (rows[i] != null) {
                kept.add(rows[i]);
            } else {
                todoList.add(i);
            }
        }
        int[] todo = todoList.stream().mapToInt(Integer::intValue).toArray();
        progress.started(mine.length, kept.size());
        try (SweepJournal journal = SweepJournal.start(dir, manifest, kept)) {
            runAll(plan, runner, options.jobs(), todo, rows, journal, progress, mine.length, kept.size());
        }
        List<VariantRow> ordered = new ArrayList<>(mine.length);
        for (int i : mine) {
            ordered.add(rows[i]);
        }
        progress.finished(mine.length, mine.length);
        List<String> files = SweepOutputs.write(dir, manifest, ordered);
        SweepJournal.delete(dir);
        return SweepResult.of(ordered, resumed, files);
    }

    private static void runAll(SweepPlan plan, VariantRunner runner, int jobs, int[] todo, VariantRow[] rows, SweepJournal journal,
            SweepProgress progress, int total, int alreadyDone) throws ScenarioException, IOException, InterruptedException {
        if (todo.length == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger(alreadyDone);
        int threads = Math.min(jobs, todo.length);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<String> paths = plan.paths();
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int t = next.getAndIncrement(); t < todo.length; t = next.getAndIncrement()) {
                        Variant v = plan.variant(todo[t]);
                        Scenario s;
                        try {
                            s = plan.materialize(v);
                        } catch (ScenarioException e) {
                            if (ScenarioException.BUDGET_HINT.equals(e.hint())) {
                                // over the run budget: a result of this variant (a crashed row), not bad input
                                VariantRow row = VariantRow.crashed(v, paths, new IllegalStateException(e.format()));
                                rows[v.index()] = row;
                                journal.append(row);
                                progress.advanced(done.incrementAndGet(), total);
                                continue;
                            }
                            next.set(todo.length); // stop handing out work
                            String where = e.line() > 0 ? e.file() + ":" + e.line() + ":" + e.column() : e.file();
                            throw new ScenarioException(plan.file(), 0, 0, "variant #" + v.index() + " (--set "
                                    + String.join(" --set ", v.setArgs()) + ") is invalid: " + where + ": " + e.problem(), e.hint());
                        }
                        VariantRow row;
                        try {
                            row = VariantRow.of(v, paths, runner.run(s));
                        } catch (Exception | StackOverflowError | OutOfMemoryError | AssertionError | LinkageError e) {
                            // an OutOfMemoryError is this variant's (the others hold little): the row records it and the sweep goes on
                            row = VariantRow.crashed(v, paths, e);
                        }
                        rows[v.index()] = row;
                        journal.append(row);
                        progress.advanced(done.incrementAndGet(), total);
                    }
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<Void> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                }
            }
            if (first instanceof ScenarioException se) {
                throw se;
            } else if (first instanceof IOException io) {
                throw io;
            } else if (first instanceof RuntimeException re) {
                throw re;
            } else if (first instanceof Error err) {
                throw err;
            } else if (first != null) {
                throw new IllegalStateException(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rows an earlier run left: its journal, or, if it completed, its results (same sweep and shard only). */
    private static List<VariantRow> earlierRows(Path dir, SweepManifest manifest) throws IOException, SweepInputException {
        if (Files.exists(dir.resolve(SweepJournal.NAME))) {
            return SweepJournal.recover(dir, manifest);
        }
        Path file = dir.resolve(SweepOutputs.MANIFEST);
        SweepManifest previous;
        try {
            previous = SweepManifest.fromJson(Json.parse(SweepJournal.readUtf8(file)));
        } catch (NoSuchFileException e) {
            return List.of(); // nothing ran here yet: --resume starts from the beginning
        } catch (IllegalArgumentException e) {
            throw new SweepInputException(file + ": --resume needs the outputs of this sweep, and this is not a sweep manifest ("
                    + e.getMessage() + "); use another --out, or run without --resume");
        }
        if (!previous.equals(manifest)) {
            throw new SweepInputException(dir + " holds the outputs of another sweep (" + previous.scenario()
                    + (previous.shard() == null ? "" : ", shard " + previous.shard()) + ", " + previous.variants()
                    + " variants); --resume continues only the same sweep and shard: use another --out, or run without --resume");
        }
        return SweepMerge.readRows(dir.resolve(SweepOutputs.RESULTS_JSONL));
    }

    private static void check(SweepPlan plan, Shard shard, VariantRow[] rows, VariantRow r) throws SweepInputException {
        if (r.index() < 0 || r.index() >= plan.size() || !shard.contains(r.index())) {
            throw new SweepInputException("the journal has variant #" + r.index() + ", which is not in this sweep or shard; run without --resume");
        }
        if (!plan.variant(r.index()).setArgs().equals(r.setArgs())) {
            throw new SweepInputException("the journal's variant #" + r.index() + " was " + r.setArgs() + ", not "
                    + plan.variant(r.index()).setArgs() + "; run without --resume");
        }
        if (rows[r.index()] != null && !rows[r.index()].equals(r)) {
            throw new SweepInputException("the journal has variant #" + r.index() + " twice with different results; run without --resume");
        }
    }
}
