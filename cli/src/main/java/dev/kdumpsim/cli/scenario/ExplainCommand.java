package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.SetOptions;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.kernel.boot.ScheduledPhase;
import dev.kdumpsim.kernel.machine.EndpointConfig;
import dev.kdumpsim.kernel.machine.KernelConfig;
import dev.kdumpsim.kernel.machine.MachineConfig;
import dev.kdumpsim.kernel.machine.TimelineEvent;
import dev.kdumpsim.kernel.smmu.SmmuFeatures;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.smmuv3.SmmuParameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim explain FILE}: the assembled machine, its memory map, IOVA use and timeline. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Describes the machine a scenario assembles: devices and StreamIDs, SMMU features, memory map"
                + " (crashkernel and the kdump kernel's regions), IOVA ranges the drivers use, and the timeline.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        SetOptions.check(spec, sets);
        Scenario s = ScenarioFiles.load(file, sets);
        MachineConfig c;
        ScenarioRunner.Outcome o;
        try {
            o = ScenarioRunner.run(s, VersionProvider.version());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        c = o.machine().config();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("scenario %s (seed %d): %s%n%n", s.name(), s.seed(), s.description());
        w.println("machine");
        c.dram().banks().forEach(b -> w.printf("  DRAM 0x%012x - 0x%012x (%d MiB)%n", b.base(), b.end() - 1, b.size() >> 20));
        SmmuParameters p = c.smmu();
        SmmuFeatures f = SmmuFeatures.decode(p.idr0(), p.idr1(), p.idr5(), c.evtqMaxShift(), p.coherentAccess());
        w.printf("  SMMUv3: features 0x%08x, ias %d-bit, oas %d-bit, %d-bit StreamIDs, %s stream table, event queue %d entries,"
                + " GBPA.ABORT after reset %s%n", f.features(), f.ias(), f.oas(), f.sidBits(),
                p.twoLevelStreamTable() ? "2-level" : "linear", 1 << f.evtqShift(), p.gbpaResetAbort() ? "1 (abort)" : "0 (bypass)");
        w.println("  PCIe (by each device's configured port)");
        PcieTree.lines(s.platform().pcie().topology(), bdf -> streamId(o, bdf), "    ").forEach(w::println);
        kernel(w, "kernel #1", c.first());
        kernel(w, "kdump kernel", c.kdump());
        w.println("  mitigations: " + (c.mitigations().isEmpty() ? "none" : s.mitigations().stream()
                .map(m -> m.specName()).toList()));
        w.println();
        w.println("memory map at the end of the run (innermost region decides what a write hits)");
        for (MemoryRegion r : o.machine().memory().regions()) {
            w.printf("  0x%012x - 0x%012x %-12s %-18s %s%n", r.base(), r.range().end() - 1, r.owner(), r.role(), r.name());
        }
        w.println();
        w.println("IOVA ranges in use");
        o.machine().iovaUse().forEach(line -> w.println("  " + line));
        w.println();
        w.println("timeline, in order (simulation time; each kernel's log clock starts at its boot)");
        timeline(o).forEach(line -> w.println("  " + line));
        w.flush();
        return ExitCodes.OK;
    }

    /** The StreamID the machine's root complex gives a function, by its config's BDF. */
    private static String streamId(ScenarioRunner.Outcome o, dev.kdumpsim.scenarios.value.Bdf f) {
        for (EndpointConfig e : o.machine().config().endpoints()) {
            for (int fn = 0; fn < e.params().functions(); fn++) {
                if (Bdf.pciName(e.bdf() + fn).equals(f.pciName())) {
                    return String.format(Locale.ROOT, "0x%x", o.machine().rootComplex().streamId(e.bdf() + fn));
                }
            }
        }
        return "? (not in the machine)";
    }

    private static void kernel(PrintWriter w, String name, KernelConfig k) {
        w.printf("  %s: \"%s\", %s, IOVA granule %d KiB, %d driver(s)%n", name, k.cmdline(), k.smmuPolicy().specName(),
                k.iovaGranuleBytes() >> 10, k.drivers().size());
    }

    /** One thing that happens, at a simulation time (or, when the kdump kernel never booted, at none). */
    private record Entry(long atNs, int order, String text) {
    }

    /**
     * Kernel #1's boot phases, the scenario's actions and the kdump kernel's boot phases, merged by
     * simulation time (stable for ties: scenario order). Kdump-clock actions are placed at the kdump
     * kernel's boot plus their time; when it never booted they have no simulation time and come last.
     * The panic is shown where it landed.
     */
    static List<String> timeline(ScenarioRunner.Outcome o) {
        MachineConfig c = o.machine().config();
        long boot = o.result().kdumpBootNs();
        List<Entry> entries = new ArrayList<>();
        for (ScheduledPhase ph : c.first().boot().schedule(0)) {
            entries.add(new Entry(ph.simStartNs(), entries.size(), "kernel #1 boot: " + ph.name()));
        }
        for (TimelineEvent e : c.timeline()) {
            String what = e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + (e.bdf() >= 0 ? " " + Bdf.pciName(e.bdf()) : "");
            if (e.kind() == TimelineEvent.Kind.PANIC) {
                long at = o.result().panicNs();
                entries.add(new Entry(at >= 0 ? at : e.atNs(), entries.size(), "panic (scheduled at " + sec(e.atNs())
                        + "; the seed moves the crash within 1 ms)" + (at >= 0 ? "" : ": did not happen")));
            } else if (!e.kdumpClock()) {
                entries.add(new Entry(e.atNs(), entries.size(), what));
            } else if (boot >= 0) {
                entries.add(new Entry(boot + e.atNs(), entries.size(), what + " (kdump clock " + sec(e.atNs()) + ")"));
            } else {
                entries.add(new Entry(Long.MAX_VALUE, entries.size(), what + " at kdump clock " + sec(e.atNs()) + ": the kdump kernel never booted"));
            }
        }
        if (boot >= 0) {
            for (ScheduledPhase ph : c.kdump().boot().schedule(boot)) {
                entries.add(new Entry(ph.simStartNs(), entries.size(), "kdump kernel boot: " + ph.name() + " (kdump clock "
                        + sec(ph.kernelStartNs()) + ")"));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::atNs).thenComparingInt(Entry::order));
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(String.format(Locale.ROOT, "%16s  %s", e.atNs() == Long.MAX_VALUE ? "-" : sec(e.atNs()), e.text()));
        }
        return out;
    }

    private static String sec(long ns) {
        return String.format(Locale.ROOT, "%d.%06d s", ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000);
    }
}
