package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.binding.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One evaluated candidate: a line of {@code evaluations.jsonl}. */
public record Evaluation(int bracket, int id, int rung, List<String> sets, Scored scored) {

    public Evaluation {
        sets = List.copyOf(sets);
    }

    /** Higher score first; on a tie the earlier candidate (lower bracket, then id), so the best is one point whatever the order of completion. */
    static int better(Evaluation a, Evaluation b) {
        int c = Double.compare(b.scored.score(), a.scored.score());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.bracket, b.bracket);
        return c != 0 ? c : Integer.compare(a.id, b.id);
    }

    static int byPosition(Evaluation a, Evaluation b) {
        int c = Integer.compare(a.bracket, b.bracket);
        return c != 0 ? c : Integer.compare(a.id, b.id);
    }

    String toJsonLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bracket", bracket);
        m.put("id", id);
        m.put("rung", rung);
        m.put("sets", sets);
        m.put("score", scored.score());
        m.put("detail", scored.detail());
        return Json.compact(m);
    }

    @SuppressWarnings("unchecked")
    static Evaluation fromJsonLine(String line) {
        Object o = Json.parse(line);
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            return new Evaluation(((Number) m.get("bracket")).intValue(), ((Number) m.get("id")).intValue(), ((Number) m.get("rung")).intValue(),
                    (List<String>) m.get("sets"), new Scored(((Number) m.get("score")).doubleValue(), (Map<String, Object>) m.get("detail")));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("missing or mistyped field (" + e.getClass().getSimpleName() + ")");
        }
    }
}
