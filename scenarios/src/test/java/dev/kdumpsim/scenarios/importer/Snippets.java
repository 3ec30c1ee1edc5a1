package dev.kdumpsim.scenarios.importer;

import java.util.List;

/** Runs rules over snippet text, as an import does. */
final class Snippets {

    private Snippets() {
    }

    static Facts facts(String text, Rule... rules) {
        Facts f = new Facts();
        List<Rule> use = rules.length == 0 ? Rules.fresh() : List.of(rules);
        for (LogLine l : ConsoleLines.split("s.log", text, 0)) {
            for (Rule r : use) {
                r.apply(l, f);
            }
            f.lastKernel = Math.max(f.lastKernel, l.kernel());
        }
        return f;
    }
}
