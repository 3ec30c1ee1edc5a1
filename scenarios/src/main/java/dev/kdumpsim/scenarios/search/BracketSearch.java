package dev.kdumpsim.scenarios.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * One bracket of the search: successive halving with mutation, an elitist evolution strategy.
 *
 * <p>Rung 0 is half of the bracket's budget, drawn uniformly over the space (bracket 0's first
 * candidate is the scenario's own values, so a search never ends worse than the file it starts
 * from). Each following rung has half as many candidates as the one before (at least one, until
 * the budget is spent): candidate {@code j} is a mutation of the {@code j}-th best point evaluated
 * in the bracket so far (score, then candidate id), numeric genes moved by a Gaussian step whose
 * width halves every rung (0.25 of the range in rung 1, reflected at the ends), a choice redrawn
 * with probability 1/4 and the seed with probability 1/2. So the budget is spent first broadly,
 * then ever more narrowly around the best points: the schedule of successive halving (Jamieson
 * and Talwalkar, "Non-stochastic best arm identification and hyperparameter optimization",
 * AISTATS 2016), with new points around the survivors instead of more fidelity for them.
 *
 * <p>Every draw comes from one {@link Random} seeded from the scenario seed and the bracket
 * (java.util.Random's sequence is specified exactly, so seeds and genes are the same on every
 * JVM); candidates depend only on earlier rungs' scores, never on the order runs finish in.
 */
final class BracketSearch {

    private static final double FIRST_STEP = 0.25;
    private static final double CHOICE_REDRAW = 0.25;
    private static final double SEED_REDRAW = 0.5;

    private final SearchSpace space;
    private final int bracket;
    private final Random random;
    private final double[] origin;
    private final List<Integer> rungs;
    private final List<Candidate> evaluated = new ArrayList<>();
    private final List<Double> scores = new ArrayList<>();
    private int rung;
    private int nextId;

    /** {@code origin}: the genes of the scenario's own values, the first candidate of bracket 0 (null for other brackets). */
    BracketSearch(SearchSpace space, int bracket, int budget, long scenarioSeed, double[] origin) {
        this.space = space;
        this.bracket = bracket;
        this.random = new Random(mix(scenarioSeed, bracket));
        this.origin = bracket == 0 ? origin : null;
        this.rungs = rungSizes(budget);
    }

    /** Budget {@code n} as rung sizes: ceil(n/2), then halving (at least 1) until n is spent. */
    static List<Integer> rungSizes(int n) {
        List<Integer> sizes = new ArrayList<>();
        int left = n;
        int size = (n + 1) / 2;
        while (left > 0) {
            int s = Math.min(Math.max(1, size), left);
            sizes.add(s);
            left -= s;
            size = s / 2;
        }
        return sizes;
    }

    /** The next rung's candidates (empty when the bracket's budget is spent); call {@link #record} for each before asking again. */
    List<Candidate> next() {
        if (rung >= rungs.size()) {
            return List.of();
        }
        int size = rungs.get(rung);
        List<Candidate> out = new ArrayList<>(size);
        if (rung == 0) {
            for (int j = 0; j < size; j++) {
                out.add(new Candidate(bracket, nextId++, 0, j == 0 && origin != null ? origin.clone() : uniform()));
            }
        } else {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < evaluated.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingDouble(i -> -scores.get(i)).thenComparingInt(i -> evaluated.get(i).id()));
            double step = FIRST_STEP / (1 << Math.min(rung - 1, 30));
            int parents = Math.min(size, order.size());
            for (int j = 0; j < size; j++) {
                out.add(new Candidate(bracket, nextId++, rung, mutate(evaluated.get(order.get(j % parents)).genes(), step)));
            }
        }
        rung++;
        return out;
    }

    void record(Candidate c, double score) {
        evaluated.add(c);
        scores.add(score);
    }

    private double[] uniform() {
        List<Dimension> dims = space.dimensions();
        double[] g = new double[dims.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = draw(dims.get(i));
        }
        return g;
    }

    private double draw(Dimension d) {
        return switch (d.kind()) {
            case SEED -> 1 + random.nextInt(Integer.MAX_VALUE - 1);
            case CHOICE -> random.nextInt(d.choices().size());
            default -> random.nextDouble();
        };
    }

    private double[] mutate(double[] parent, double step) {
        List<Dimension> dims = space.dimensions();
        double[] g = parent.clone();
        for (int i = 0; i < g.length; i++) {
            Dimension d = dims.get(i);
            switch (d.kind()) {
                case SEED -> g[i] = random.nextDouble() < SEED_REDRAW ? draw(d) : g[i];
                case CHOICE -> g[i] = random.nextDouble() < CHOICE_REDRAW ? draw(d) : g[i];
                default -> g[i] = reflect(g[i] + random.nextGaussian() * step);
            }
        }
        return g;
    }

    /** Back into [0, 1] by reflection at the ends (a step past a bound lands as far inside it). */
    static double reflect(double x) {
        double y = Math.abs(x) % 2.0;
        return y > 1 ? 2 - y : y;
    }

    /** A bracket's stream seed: the scenario seed and the bracket index mixed (SplitMix64's finaliser). */
    static long mix(long seed, int bracket) {
        long z = seed + 0x9E3779B97F4A7C15L * (bracket + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
