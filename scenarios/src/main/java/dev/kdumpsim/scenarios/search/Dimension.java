package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.value.ByteSize;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.List;
import java.util.Locale;

/**
 * One searched parameter. A numeric one ({@link Kind#INTEGER}, {@link Kind#SIZE}, {@link Kind#DURATION})
 * is a closed range {@code lo..hi} the search sees as the unit interval (a gene in [0, 1]); a
 * {@link Kind#CHOICE} is an index into its values; the {@link Kind#SEED} gene is the seed itself,
 * drawn from the search's stream (seeds have no order a search could follow).
 */
public record Dimension(String path, Kind kind, long lo, long hi, List<String> choices) {

    /** What a gene of this dimension means. */
    public enum Kind { INTEGER, SIZE, DURATION, CHOICE, SEED }

    /** Seeds the search draws lie in 1 .. 2^31-1 (any seed is valid; small ones read well). */
    static final long MAX_SEED = Integer.MAX_VALUE;

    public Dimension {
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(path + ": no choices");
        }
        if (hi < lo) {
            throw new IllegalArgumentException(path + ": range ends below its start");
        }
    }

    static Dimension numeric(String path, Kind kind, long lo, long hi) {
        return new Dimension(path, kind, lo, hi, List.of());
    }

    static Dimension choice(String path, List<String> values) {
        return new Dimension(path, Kind.CHOICE, 0, 0, values);
    }

    static Dimension seed() {
        return new Dimension("seed", Kind.SEED, 1, MAX_SEED, List.of());
    }

    boolean isNumeric() {
        return kind == Kind.INTEGER || kind == Kind.SIZE || kind == Kind.DURATION;
    }

    /**
     * The {@code --set} value of gene {@code x}: a numeric gene is rounded to the dimension's
     * grain (integers to 1, sizes to 4 KiB, durations to 1 us) so the written value reads as a
     * user would write it and a value read back from a journal is the same text.
     */
    String value(double x) {
        switch (kind) {
            case CHOICE:
                return choices.get((int) x);
            case SEED:
                return Long.toString((long) x);
            default:
                long grain = kind == Kind.SIZE ? 4096 : kind == Kind.DURATION ? 1000 : 1;
                double raw = lo + Math.max(0, Math.min(1, x)) * (double) (hi - lo);
                long v = Math.round(raw / grain) * grain;
                v = Math.max(lo, Math.min(hi, v));
                return kind == Kind.SIZE ? new ByteSize(v).toString() : kind == Kind.DURATION ? new SimDuration(v).toString() : Long.toString(v);
        }
    }

    /** The gene of a numeric value {@code v} (the file's own value, to start from): its place in the range. */
    double geneOf(long v) {
        return hi == lo ? 0 : Math.max(0, Math.min(1, (v - lo) / (double) (hi - lo)));
    }

    /** For fit.md: the range or the choices as written. */
    public String describe() {
        return switch (kind) {
            case CHOICE -> String.join(" | ", choices);
            case SEED -> "seeds drawn from the scenario seed's stream";
            default -> value(0) + " .. " + value(1);
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s)", path, describe());
    }
}
