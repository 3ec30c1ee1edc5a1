package dev.kdumpsim.scenarios.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A point the search will run: candidate {@code id} of bracket {@code bracket}, made in rung
 * {@code rung}, with one gene per dimension of the space ({@link Dimension}).
 */
record Candidate(int bracket, int id, int rung, double[] genes) {

    /** The {@code --set path=value} arguments that make this point from the scenario. */
    List<String> sets(SearchSpace space) {
        List<String> out = new ArrayList<>(genes.length);
        for (int i = 0; i < genes.length; i++) {
            Dimension d = space.dimensions().get(i);
            out.add(d.path() + "=" + d.value(genes[i]));
        }
        return out;
    }
}
