package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.LogPattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the run must show; any failed expectation makes {@code kdumpsim run} exit 1. */
@Doc("Assertions on the verdict, counters and kernel logs")
public record Expectations(
        @Doc("Expected verdict fields (absent fields are not checked)") VerdictExpectation verdict,
        @Doc("Report counters by dotted path (e.g. ledger.fates.bypassedCrashkernelLive) with ranges") Map<String, CounterRange> counters,
        @Doc("Regexes each of which must match some kernel log line") List<LogPattern> log,
        @Doc("Regexes no kernel log line may match") List<LogPattern> logAbsent,
        @Doc("Regexes that must match log lines in this order") List<LogPattern> logOrder,
        @Doc("Rates over several seeds: seeds N, then {min, max} fractions per verdict.FIELD=VALUE or 'log:REGEX'"
                + " (kdumpsim run runs the N seeds besides the single run)") Optional<RateExpectations> rates) {

    public Expectations {
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        log = List.copyOf(log);
        logAbsent = List.copyOf(logAbsent);
        logOrder = List.copyOf(logOrder);
    }
}
