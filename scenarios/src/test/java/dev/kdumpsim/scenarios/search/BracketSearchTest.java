package dev.kdumpsim.scenarios.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BracketSearchTest {

    private static final SearchSpace SPACE = new SearchSpace(List.of(Dimension.seed(),
            Dimension.numeric("x", Dimension.Kind.INTEGER, 0, 1000), Dimension.choice("c", List.of("a", "b"))));

    @Test
    void rungsHalveUntilTheBudgetIsSpent() {
        assertEquals(List.of(8, 4, 2, 1, 1), BracketSearch.rungSizes(16));
        assertEquals(List.of(1), BracketSearch.rungSizes(1));
        assertEquals(List.of(3, 1, 1), BracketSearch.rungSizes(5));
        assertEquals(32, BracketSearch.rungSizes(32).stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void reflectsStepsPastTheEndsBackInside() {
        assertEquals(0.2, BracketSearch.reflect(-0.2), 1e-12);
        assertEquals(0.8, BracketSearch.reflect(1.2), 1e-12);
        assertEquals(0.5, BracketSearch.reflect(0.5), 1e-12);
    }

    @Test
    void bracketZeroStartsFromTheFileAndLaterRungsCloseInOnTheBest() {
        BracketSearch s = new BracketSearch(SPACE, 0, 16, 7, new double[] {7, 0.5, 1});
        List<Candidate> r0 = s.next();
        assertEquals(8, r0.size());
        assertArrayEquals(new double[] {7, 0.5, 1}, r0.get(0).genes());
        // the objective: closeness of x to 900
        double best = -1;
        for (Candidate c : r0) {
            s.record(c, -Math.abs(c.genes()[1] - 0.9));
            best = Math.max(best, -Math.abs(c.genes()[1] - 0.9));
        }
        double bestAfter = best;
        for (List<Candidate> rung = s.next(); !rung.isEmpty(); rung = s.next()) {
            for (Candidate c : rung) {
                double score = -Math.abs(c.genes()[1] - 0.9);
                s.record(c, score);
                bestAfter = Math.max(bestAfter, score);
            }
        }
        assertTrue(bestAfter >= best, "elitist: never worse than rung 0");
    }

    @Test
    void sameSeedSameCandidatesOtherBracketOtherCandidates() {
        List<Candidate> a = new BracketSearch(SPACE, 1, 8, 3, null).next();
        List<Candidate> b = new BracketSearch(SPACE, 1, 8, 3, null).next();
        List<Candidate> c = new BracketSearch(SPACE, 2, 8, 3, null).next();
        assertEquals(a.get(0).sets(SPACE), b.get(0).sets(SPACE));
        assertNotEquals(a.get(0).sets(SPACE), c.get(0).sets(SPACE));
        assertTrue(a.get(0).sets(SPACE).get(0).startsWith("seed="));
    }
}
