package dev.kdumpsim.cli.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A timestamp-insensitive diff of two kernel logs: each line without its {@code [    t.tttttt] }
 * prefix, aligned with Myers' O((N+M)D) algorithm (E. W. Myers, "An O(ND) Difference Algorithm
 * and Its Variations", Algorithmica 1(2), 1986), then runs of added and removed lines, with
 * consecutive identical lines folded into one "×N" line. Logs that differ by more than
 * {@link #MAX_EDITS} edits are only counted, so a diff stays bounded in time and memory.
 */
final class LogDiff {

    static final int MAX_EDITS = 20_000;
    private static final Pattern STAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");

    /** One line of the diff: ' ' kept, '-' only in A, '+' only in B. */
    record Edit(char op, String line) {
    }

    private LogDiff() {
    }

    static String normalise(String line) {
        return STAMP.matcher(line).replaceFirst("");
    }

    /** The edit script, or null when more than {@link #MAX_EDITS} edits are needed. */
    static List<Edit> diff(List<String> rawA, List<String> rawB) {
        List<String> a = rawA.stream().map(LogDiff::normalise).toList();
        List<String> b = rawB.stream().map(LogDiff::normalise).toList();
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, a, b, offset);
                }
            }
        }
        return null;
    }

    private static List<Edit> backtrack(List<int[]> trace, List<String> a, List<String> b, int offset) {
        List<Edit> out = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                out.add(new Edit(' ', a.get(--x)));
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    out.add(new Edit('+', b.get(--y)));
                } else {
                    out.add(new Edit('-', a.get(--x)));
                }
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The changed runs as text: "-"/"+" lines, identical neighbours folded as "×N". */
    static List<String> render(List<Edit> edits) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < edits.size()) {
            Edit e = edits.get(i);
            int j = i + 1;
            while (j < edits.size() && edits.get(j).equals(e)) {
                j++;
            }
            if (e.op() != ' ') {
                out.add(e.op() + " " + e.line() + (j - i > 1 ? "  (x" + (j - i) + ")" : ""));
            }
            i = j;
        }
        return out;
    }
}
