package dev.kdumpsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of the examples (and of --set overrides): whatever the damage, the
 * loader returns a Scenario or throws one ScenarioException with a one-line message. Runs on
 * every build, complementing the Jazzer test whose regression mode replays only its corpus.
 */
class ScenarioLoaderMutationTest {

    private static final String[] TOKENS = {":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "\t", "0x", "\"", "'", "#", "\n", "  ",
        "01:00.0", "ff:1f.7", "2GiB", "10s", "-1", "99999999999999999999", "null", "~", "true", "yes", "!!binary ", "<<: *a",
        "name", "platform", "pcie", "topology", "endpoints", "bdf", "functions", "timeline", "action", "flr", "panic", "device",
        "crashkernel=", "@0x", "kernels", "first", "cmdline", "expect", "counters", "min", "max", "log", "(", "\\", "\u0000", "\uD800"};

    private static final String[] SET_PATHS = {"seed", "name", "platform.smmu.oasBits", "platform.pcie.topology.endpoints[0].bdf",
        "platform.pcie.topology.endpoints.0.functions", "kernels.first.cmdline", "kernels.first.drivers[1].device", "timeline[0].at",
        "expect.counters.a.b.min", "mitigations", "platform.dram[5].size", "nope.x", "platform..smmu", "timeline[x]", "a[", "[0]"};

    @Test
    void anyMutationGivesScenarioOrOneLineScenarioException() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Path p : Examples.all()) {
            seeds.add(Files.readString(p));
        }
        for (long seed = 1; seed <= 3000; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StringBuilder text = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
            int edits = 1 + r.nextInt(4);
            for (int i = 0; i < edits; i++) {
                mutate(text, r);
            }
            List<String> sets = new ArrayList<>();
            if (r.nextInt(4) == 0) {
                sets.add(SET_PATHS[r.nextInt(SET_PATHS.length)] + "=" + TOKENS[r.nextInt(TOKENS.length)]);
            }
            try {
                ScenarioLoader.parse("m.yaml", text.toString(), sets);
            } catch (ScenarioException e) {
                assertFalse(e.format().contains("\n") || (e.line() < 1 && !e.file().startsWith("--set ")), "seed " + seed + ": " + e.format());
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + " escaped with " + e + " for --set " + sets + " and text:\n" + text, e);
            }
        }
    }

    private static void mutate(StringBuilder text, SplittableRandom r) {
        int at = text.length() == 0 ? 0 : r.nextInt(text.length());
        switch (r.nextInt(4)) {
            case 0 -> text.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
            case 1 -> text.delete(at, Math.min(text.length(), at + 1 + r.nextInt(20)));
            case 2 -> {
                int end = Math.min(text.length(), at + r.nextInt(80));
                text.insert(r.nextInt(text.length() + 1), text.substring(at, end));
            }
            default -> {
                if (text.length() > 0) {
                    text.setCharAt(at, (char) (32 + r.nextInt(95)));
                }
            }
        }
    }
}
