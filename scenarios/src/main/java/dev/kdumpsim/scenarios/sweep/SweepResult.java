package dev.kdumpsim.scenarios.sweep;

import java.util.List;

/** How a sweep (or a merge) ended: counts over its variants and the files it wrote. */
public record SweepResult(int variants, int passed, int failed, int errors, int resumed, List<String> files) {

    public SweepResult {
        files = List.copyOf(files);
    }

    static SweepResult of(List<VariantRow> rows, int resumed, List<String> files) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        for (VariantRow r : rows) {
            switch (r.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
            }
        }
        return new SweepResult(rows.size(), passed, failed, errors, resumed, files);
    }

    /** Every variant ran and met its expectations. */
    public boolean allPassed() {
        return failed == 0 && errors == 0;
    }
}
