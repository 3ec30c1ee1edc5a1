package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #15's must-show: every x86 library scenario keeps its expectations and balances its
 * ledger (every transaction accounted for) at 1,000 seeds, not only at the seed it names.
 */
class X86LibraryThousandSeedsTest {

    static final int SEEDS = 1000;

    /** Every x86 file of the library, found rather than listed, so a new one is covered. */
    static List<String> x86LibraryFiles() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("library"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("x86-") && n.endsWith(".yaml")).sorted().toList();
            if (names.size() < 3) {
                throw new IllegalStateException("expected the x86 library files, found " + names);
            }
            return names;
        }
    }

    @ParameterizedTest
    @MethodSource("x86LibraryFiles")
    @SuppressWarnings("unchecked")
    void everySeedPassesAndBalances(String file) throws Exception {
        Path path = Path.of("library").resolve(file);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (long seed = 1; seed <= SEEDS; seed++) {
                long s = seed;
                runs.add(pool.submit(() -> {
                    var o = ScenarioRunner.run(ScenarioLoader.load(path, List.of("seed=" + s)), "seeds");
                    boolean balanced = Boolean.TRUE.equals(((Map<String, Object>) o.report().get("ledger")).get("balanced"));
                    return o.passed() && balanced ? "" : "seed " + s + ": " + (balanced ? o.failures() : "ledger unbalanced");
                }));
            }
            List<String> bad = new ArrayList<>();
            for (Future<String> f : runs) {
                if (!f.get().isEmpty()) {
                    bad.add(f.get());
                }
            }
            assertEquals(List.of(), bad, file);
        } finally {
            pool.shutdownNow();
        }
    }
}
