package dev.kdumpsim.cli.text;

import dev.kdumpsim.scenarios.model.CounterRange;
import dev.kdumpsim.scenarios.model.Expectations;
import dev.kdumpsim.scenarios.model.VerdictExpectation;
import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.LogPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every {@code expect:} item of a scenario, passed or failed, for the terminal. The checker
 * (scenarios' ExpectationChecker) returns only the failures, each starting with the item's name
 * ({@code verdict.dumpSaved: ...}, {@code counter PATH: ...}, {@code log: ...}); an item failed
 * when a failure starts with its name. A failure no item claims is listed on its own, so none is
 * ever hidden.
 */
final class ExpectationList {

    /** One expectation: what it asks, and the failure text when it failed (null when it passed). */
    record Item(String description, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    private ExpectationList() {
    }

    static List<Item> of(Expectations e, List<String> failures) {
        List<Item> items = new ArrayList<>();
        List<String> unclaimed = new ArrayList<>(failures);
        if (e == null) {
            unclaimed.forEach(f -> items.add(new Item(f, f)));
            return items;
        }
        VerdictExpectation v = e.verdict();
        if (v != null) {
            v.kdumpCorrupted().ifPresent(x -> add(items, unclaimed, "verdict.kdumpCorrupted:", "verdict.kdumpCorrupted is " + x));
            v.firstCorruption().ifPresent(x -> add(items, unclaimed, "verdict.firstCorruption:", "verdict.firstCorruption is " + x));
            v.dumpSaved().ifPresent(x -> add(items, unclaimed, "verdict.dumpSaved:", "verdict.dumpSaved is " + x));
            v.dumpTaintedPages().ifPresent(x -> add(items, unclaimed, "verdict.dumpTaintedPages:",
                    "verdict.dumpTaintedPages in " + range(x)));
            v.wedgedDevices().ifPresent(x -> add(items, unclaimed, "verdict.wedgedDevices:", "verdict.wedgedDevices are "
                    + x.stream().map(Bdf::pciName).sorted().collect(Collectors.joining(", ", "[", "]"))));
            v.kdumpKernel().ifPresent(x -> add(items, unclaimed, "verdict.kdumpKernel:", "verdict.kdumpKernel is " + x.specName()));
        }
        e.counters().forEach((path, r) -> add(items, unclaimed, "counter " + path + ":", "counter " + path + " in " + range(r)));
        for (LogPattern p : e.log()) {
            add(items, unclaimed, "log: no line matches /" + p.regex() + "/", "a log line matches /" + p.regex() + "/");
        }
        for (LogPattern p : e.logAbsent()) {
            add(items, unclaimed, "logAbsent: /" + p.regex() + "/ ", "no log line matches /" + p.regex() + "/");
        }
        if (!e.logOrder().isEmpty()) {
            add(items, unclaimed, "logOrder:", "log lines in this order: "
                    + e.logOrder().stream().map(p -> "/" + p.regex() + "/").collect(Collectors.joining(", ")));
        }
        unclaimed.forEach(f -> items.add(new Item(f, f)));
        return items;
    }

    private static void add(List<Item> items, List<String> unclaimed, String prefix, String description) {
        String failure = null;
        for (String f : unclaimed) {
            if (f.startsWith(prefix)) {
                failure = f;
                break;
            }
        }
        if (failure != null) {
            unclaimed.remove(failure);
        }
        items.add(new Item(description, failure));
    }

    private static String range(CounterRange r) {
        return r.min() + ".." + r.max().map(String::valueOf).orElse("");
    }
}
