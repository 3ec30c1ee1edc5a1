package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.ExitCodes;
import dev.kdumpsim.cli.SetOptions;
import dev.kdumpsim.cli.UserInputException;
import dev.kdumpsim.cli.VersionProvider;
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
import java.util.List;
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
        for (int rp : c.rootPorts()) {
            w.printf("  root port %s%n", Bdf.pciName(rp));
        }
        for (EndpointConfig e : c.endpoints()) {
            for (int fn = 0; fn < e.params().functions(); fn++) {
                int bdf = e.bdf() + fn;
                w.printf("    endpoint %s: StreamID 0x%x, error profile %s, FLR %s%n", Bdf.pciName(bdf),
                        o.machine().rootComplex().streamId(bdf), e.params().errorProfile().name(),
                        e.params().flrCapable() ? "yes" : "no");
            }
        }
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
        w.println("timeline (simulation time; each kernel's log clock starts at its boot)");
        for (ScheduledPhase ph : c.first().boot().schedule(0)) {
            w.printf("  %14s  kernel #1 %s%n", sec(ph.simStartNs()), ph.name());
        }
        for (TimelineEvent e : c.timeline()) {
            w.printf("  %14s  %s %s%s%n", e.kdumpClock() ? "kdump+" + sec(e.atNs()) : sec(e.atNs()),
                    e.kind().name().toLowerCase().replace('_', '-'), e.bdf() >= 0 ? Bdf.pciName(e.bdf()) : "",
                    e.kind() == TimelineEvent.Kind.PANIC ? " (crash lands within 1 ms, by seed)" : "");
        }
        long boot = o.result().kdumpBootNs();
        if (boot >= 0) {
            for (ScheduledPhase ph : c.kdump().boot().schedule(boot)) {
                w.printf("  %14s  kdump kernel %s (kdump clock %s)%n", sec(ph.simStartNs()), ph.name(), sec(ph.kernelStartNs()));
            }
        }
        w.flush();
        return ExitCodes.OK;
    }

    private static void kernel(PrintWriter w, String name, KernelConfig k) {
        w.printf("  %s: \"%s\", %s, IOVA granule %d KiB, %d driver(s)%n", name, k.cmdline(), k.smmuPolicy().specName(),
                k.iovaGranuleBytes() >> 10, k.drivers().size());
    }

    private static String sec(long ns) {
        return String.format("%d.%06d", ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000);
    }
}
