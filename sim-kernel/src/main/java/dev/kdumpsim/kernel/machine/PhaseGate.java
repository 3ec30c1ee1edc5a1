package dev.kdumpsim.kernel.machine;

import java.util.ArrayList;
import java.util.List;

/**
 * A boot phase's completion, for the phases that need it: work queued on a closed gate runs when
 * the gate opens, work on an open gate runs at once. The crash story advances on these instead
 * of on fixed clock ticks, so a slow IOMMU probe delays PCI enumeration (as the initcall order
 * does: the IOMMU driver's probe finishes before devices are added to groups) rather than
 * silently leaving devices on dma-direct.
 */
final class PhaseGate {

    private boolean open;
    private final List<Runnable> waiting = new ArrayList<>();

    void open() {
        if (open) {
            return;
        }
        open = true;
        for (Runnable r : waiting) {
            r.run();
        }
        waiting.clear();
    }

    boolean isOpen() {
        return open;
    }

    void whenOpen(Runnable r) {
        if (open) {
            r.run();
        } else {
            waiting.add(r);
        }
    }
}
