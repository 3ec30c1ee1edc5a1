package dev.kdumpsim.scenarios.error;

import java.util.Collection;

/** "Did you mean ...?" hints: the known name nearest in edit distance. */
public final class Suggest {

    private Suggest() {
    }

    /** A hint naming the nearest candidate, or listing all candidates when none is close. */
    public static String hint(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
            return "did you mean '" + best + "'?";
        }
        return candidates.isEmpty() ? "" : "expected one of: " + String.join(", ", candidates);
    }

    /** Levenshtein distance (case-sensitive), O(|a|·|b|) with two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
