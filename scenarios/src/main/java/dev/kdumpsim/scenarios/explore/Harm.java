package dev.kdumpsim.scenarios.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code kdumpsim explore} maximises, read from a run's flat metrics
 * ({@code SimVariantRunner.metrics}): whether the harm happened, and a magnitude that grows toward
 * it, so the search can climb even before a run reaches it.
 */
public enum Harm {
    /** The kdump kernel's own memory was written (verdict.kdumpCorrupted); magnitude: writes that bypassed the IOMMU into the crashkernel region. */
    KDUMP_CORRUPTED("kdump-corrupted", "the kdump kernel's memory was corrupted by DMA"),
    /** The dump was not saved (verdict.dumpSaved false); magnitude: wedged devices and AER errors. */
    DUMP_LOST("dump-lost", "the dump was not saved"),
    /** The kdump kernel panicked or hung (verdict.kdumpKernel not alive); magnitude: live-data writes and IOMMU events. */
    KDUMP_DIED("kdump-died", "the kdump kernel panicked or hung");

    /** A reached harm outweighs any magnitude. */
    static final double REACHED = 1e6;

    final String specName;
    final String description;

    Harm(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    public String specName() {
        return specName;
    }

    public static Harm bySpecName(String name) {
        for (Harm h : values()) {
            if (h.specName.equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "'; one of " + names());
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(h -> h.specName).toList();
    }

    boolean reached(Map<String, Object> m) {
        return switch (this) {
            case KDUMP_CORRUPTED -> Boolean.TRUE.equals(m.get("verdict.kdumpCorrupted"));
            case DUMP_LOST -> Boolean.FALSE.equals(m.get("verdict.dumpSaved"));
            case KDUMP_DIED -> !Boolean.TRUE.equals(m.get("verdict.kdumpAlive"));
        };
    }

    /** Below {@link #REACHED}: each term capped so that no magnitude passes a reached run. */
    double magnitude(Map<String, Object> m) {
        return switch (this) {
            case KDUMP_CORRUPTED -> Math.min(num(m, "verdict.liveWrites") + num(m, "verdict.freeWrites") / 1000.0, REACHED - 1);
            case DUMP_LOST -> Math.min(num(m, "verdict.wedgedDevices") * 1000 + Math.min(num(m, "aer.errors"), 999), REACHED - 1);
            case KDUMP_DIED -> Math.min(num(m, "verdict.liveWrites") + Math.min(num(m, "smmuEvents.raised"), 1e5) / 1e5, REACHED - 1);
        };
    }

    private static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
