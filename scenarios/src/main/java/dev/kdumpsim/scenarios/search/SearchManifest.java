package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.sweep.Shard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a search is, as line 1 of {@code evaluations.jsonl}: the command, the scenario's name, a
 * SHA-256 of every input that decides its results (the scenario text, the {@code --set}s, the
 * report log or the objective), the budget, the space's paths and the shard. {@code --resume} and
 * merging accept only evaluations of an equal manifest (merging: equal but for the shard).
 */
public record SearchManifest(String command, String scenario, String inputSha256, int budget, List<String> dimensions, String shard) {

    public SearchManifest {
        dimensions = List.copyOf(dimensions);
    }

    SearchManifest withShard(Shard s) {
        return new SearchManifest(command, scenario, inputSha256, budget, dimensions, s.isAll() ? null : s.toString());
    }

    boolean sameSearch(SearchManifest o) {
        return command.equals(o.command) && scenario.equals(o.scenario) && inputSha256.equals(o.inputSha256) && budget == o.budget
                && dimensions.equals(o.dimensions);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("scenario", scenario);
        m.put("inputSha256", inputSha256);
        m.put("budget", budget);
        m.put("dimensions", dimensions);
        m.put("shard", shard);
        return m;
    }

    @SuppressWarnings("unchecked")
    static SearchManifest fromJson(Object o) {
        if (!(o instanceof Map<?, ?> m) || !m.containsKey("inputSha256")) {
            throw new IllegalArgumentException("not a search manifest");
        }
        try {
            return new SearchManifest((String) m.get("command"), (String) m.get("scenario"), (String) m.get("inputSha256"),
                    ((Number) m.get("budget")).intValue(), (List<String>) m.get("dimensions"), (String) m.get("shard"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a search manifest (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return command + " of " + scenario + " (budget " + budget + (shard == null ? "" : ", shard " + shard) + ")";
    }

    static String sha256(String... parts) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(Objects.requireNonNull(p).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
