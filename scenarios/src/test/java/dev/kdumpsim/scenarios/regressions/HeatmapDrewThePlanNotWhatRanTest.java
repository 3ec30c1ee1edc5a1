package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.sweep.Shard;
import dev.kdumpsim.scenarios.sweep.SweepEngine;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import dev.kdumpsim.scenarios.sweep.SweepProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: the heatmap drew every cell of the plan's grid, so a 1000 x 10000 plan of which one
 * shard ran 50 variants built a 10^7-cell chart and the SVG writer ran out of memory. Fix: plot
 * axes hold only the values that ran, and a grid over 2,500 cells (or a policy axis over 500
 * categories) is not drawn.
 */
class HeatmapDrewThePlanNotWhatRanTest {

    @Test
    void fiftyVariantsOfAHugeGridDrawAtMostFiftyCells(@TempDir Path out) throws Exception {
        String text = Hostile.BASE + "sweep:\n  parameters:\n"
                + "    - {path: description, range: 1..50}\n"
                + "    - {path: name, range: 1..1000}\n";
        var plan = HostileSweeps.plan(text);
        // shard 1 of 1000: the 50 variants 0, 1000, 2000, ... of a 50 x 1000 grid (the original report: 1000 x 10000)
        SweepEngine.run(plan, HostileSweeps.FAKE, new SweepOptions(2, Shard.parse("1/1000"), out, false), SweepProgress.NONE);
        Path svg = out.resolve("heatmap-corruption.svg");
        assertTrue(Files.exists(svg));
        String drawn = Files.readString(svg);
        int cells = drawn.split(">n=", -1).length - 1;
        assertTrue(cells == 50, cells + " cells drawn");
        assertTrue(!drawn.contains("not run"), "cells of the plan that did not run are not drawn");
    }
}
