package dev.kdumpsim.kernel.boot;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel's boot as an ordered list of phases with configurable durations; each phase starts
 * when the previous one ends. Plain data: the Machine turns {@link #schedule(long)} into events.
 *
 * <p>The durations are a model, not a measurement of real hardware: the two presets are fitted
 * to the timestamps of the 2018 report (kdump kernel: arm-smmu-v3 probe at 7.018304 s, the
 * first AER line at 16.093441 s).
 */
@KernelApi
public final class BootTimeline {

    private final List<BootPhase> phases;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    public BootTimeline(List<BootPhase> phases) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a boot timeline needs at least one phase");
        }
        this.phases = List.copyOf(phases);
        for (int i = 0; i < this.phases.size(); i++) {
            if (index.put(this.phases.get(i).name(), i) != null) {
                throw new IllegalArgumentException("boot phase '" + this.phases.get(i).name() + "' appears twice");
            }
        }
    }

    /** Phase names of the presets, shared with the Machine. */
    public static final String MEMBLOCK = "memblock";
    public static final String EARLY_INIT = "early-init";
    public static final String SMMU_PROBE = "smmu-probe";
    public static final String PCI_ENUMERATION = "pci-enumeration";
    public static final String DRIVERS = "drivers";
    public static final String USERSPACE = "userspace";

    /**
     * The kdump kernel of the report: setup_arch/memblock at 0 ("crashkernel reserved" and the
     * memory map print at [0.000000]), arm-smmu-v3 probe at 7.018304 s, PCI enumeration and the
     * firmware-first AER report at 16.093441 s, then drivers and the dump.
     */
    public static BootTimeline kdumpKernelOfReport() {
        return new BootTimeline(List.of(
                new BootPhase(MEMBLOCK, 0, "setup_arch: memblock, reserve_crashkernel; printed at [0.000000]"),
                new BootPhase(EARLY_INIT, 7_018_304_000L, "initcalls before the SMMU driver probes (report: 7.018304 s)"),
                new BootPhase(SMMU_PROBE, 9_075_137_000L, "arm-smmu-v3 probe and reset; platform devices (report: AER at 16.093441 s)"),
                new BootPhase(PCI_ENUMERATION, 500_000_000L, "PCI enumeration, AER status of the previous kernel reported"),
                new BootPhase(DRIVERS, 2_000_000_000L, "driver probes in the kdump initramfs"),
                new BootPhase(USERSPACE, 0, "kdump userspace: makedumpfile reads /proc/vmcore")));
    }

    /** Kernel #1: an illustrative server boot with the same phase names. */
    public static BootTimeline firstKernelDefault() {
        return new BootTimeline(List.of(
                new BootPhase(MEMBLOCK, 0, "setup_arch: memblock, reserve_crashkernel"),
                new BootPhase(EARLY_INIT, 2_000_000_000L, "initcalls before the SMMU driver probes"),
                new BootPhase(SMMU_PROBE, 500_000_000L, "arm-smmu-v3 probe on a clean SMMU"),
                new BootPhase(PCI_ENUMERATION, 500_000_000L, "PCI enumeration"),
                new BootPhase(DRIVERS, 3_000_000_000L, "driver probes; DMA mappings begin"),
                new BootPhase(USERSPACE, 0, "system running")));
    }

    public List<BootPhase> phases() {
        return phases;
    }

    /** Start of {@code name} on the kernel's clock (ns). */
    public long startNs(String name) {
        int at = indexOf(name);
        long t = 0;
        for (int i = 0; i < at; i++) {
            t += phases.get(i).durationNs();
        }
        return t;
    }

    /** End of {@code name} on the kernel's clock (ns). */
    public long endNs(String name) {
        return startNs(name) + phases.get(indexOf(name)).durationNs();
    }

    /** A copy with one phase's duration changed. */
    public BootTimeline withDuration(String name, long durationNs) {
        List<BootPhase> copy = new ArrayList<>(phases);
        int i = indexOf(name);
        copy.set(i, new BootPhase(name, durationNs, phases.get(i).description()));
        return new BootTimeline(copy);
    }

    /** Every phase placed in simulation time for a kernel booting at {@code bootSimTimeNs}. */
    public List<ScheduledPhase> schedule(long bootSimTimeNs) {
        List<ScheduledPhase> out = new ArrayList<>(phases.size());
        long t = 0;
        for (BootPhase p : phases) {
            out.add(new ScheduledPhase(p.name(), t, bootSimTimeNs + t, p.durationNs()));
            t += p.durationNs();
        }
        return out;
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no boot phase '" + name + "'; phases are " + index.keySet());
        }
        return i;
    }
}
