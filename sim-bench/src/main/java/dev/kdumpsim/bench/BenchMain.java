package dev.kdumpsim.bench;

import java.util.Arrays;

/**
 * Entry point of {@code kdumpsim-bench.jar}: {@code memory ...} runs {@link MemoryFillComparison},
 * anything else (or nothing) the engine comparison {@link HoldComparison}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("memory")) {
            MemoryFillComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("hold")) {
            HoldComparison.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            HoldComparison.main(args);
        }
    }
}
