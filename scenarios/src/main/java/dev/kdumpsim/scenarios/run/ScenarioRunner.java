package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.machine.Machine;
import dev.kdumpsim.kernel.machine.RunResult;
import dev.kdumpsim.scenarios.model.Scenario;
import java.util.List;
import java.util.Map;

/** Runs one scenario: assemble, simulate, report, check expectations. */
public final class ScenarioRunner {

    /** A finished run. Its kernel.log is read from the kernels' log stores when asked for, not kept as text. */
    public record Outcome(Scenario scenario, Machine machine, RunResult result, Map<String, Object> report,
            List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }

        /** kernel.log as a stream of its text or lines. */
        public KernelLogText kernelLogText() {
            return new KernelLogText(result);
        }

        /** kernel.log as one string, made on each call (short runs, tests, fit's line matching). */
        public String kernelLog() {
            return kernelLogText().toString();
        }
    }

    private ScenarioRunner() {
    }

    /**
     * @throws IllegalArgumentException when the scenario describes a machine the model cannot build
     *     (message says what and how to fix it)
     */
    public static Outcome run(Scenario s, String version) {
        return run(s, version, RunBudget.DEFAULT_MAX_EVENTS);
    }

    /**
     * Runs {@code s}, abandoning the run once it has taken {@code maxEvents} simulation events.
     *
     * @throws RunBudget.Exceeded when the run passes {@code maxEvents} (message names the budget and --max-events)
     */
    public static Outcome run(Scenario s, String version, long maxEvents) {
        return run(s, version, maxEvents, m -> { });
    }

    /**
     * Runs {@code s} with {@code beforeRun} called on the assembled Machine first, so an observer
     * (a trace's DMA counters) can subscribe to its transaction record; observers only read.
     */
    public static Outcome run(Scenario s, String version, long maxEvents, java.util.function.Consumer<Machine> beforeRun) {
        Machine machine = new Machine(MachineAssembler.assemble(s));
        beforeRun.accept(machine);
        Simulation sim = machine.simulation();
        // checked on every DMA fate, which is where a run's events come from; the observer only reads
        long[] transactions = new long[1];
        machine.rootComplex().addTransactionObserver(t -> {
            if (sim.executedEvents() > maxEvents) {
                throw new RunBudget.Exceeded(maxEvents, sim.now());
            }
            if ((++transactions[0] & 0xffff) == 0) {
                RunBudget.checkHeap(sim.now());
            }
        });
        RunResult r = machine.run();
        Map<String, Object> report = RunReport.build(s, r, version);
        List<String> failures = ExpectationChecker.check(s.expect(), report, RunReport.logLines(r));
        Map<String, Object> exp = new java.util.LinkedHashMap<>();
        exp.put("passed", failures.isEmpty());
        exp.put("failures", new java.util.ArrayList<>(failures));
        report.put("expectations", exp);
        return new Outcome(s, machine, r, report, failures);
    }
}
