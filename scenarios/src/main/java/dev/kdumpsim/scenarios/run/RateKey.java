package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.value.LogPattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One key of {@code expect.rates}: what must hold in a seed for it to count.
 * <pre>
 *   verdict.kdumpCorrupted=true|false    verdict.dumpSaved=true|false
 *   verdict.kdumpKernel=alive|panicked|hung
 *   log:REGEX                            some line of either kernel's log matches REGEX (RE2, find())
 * </pre>
 * Each names a {@link SeedRuns} flag and the value it must have.
 *
 * @param key the key as written
 * @param flag the seed outcome's flag it reads
 * @param when the flag's value that counts
 * @param log the pattern of a {@code log:} key
 */
public record RateKey(String key, String flag, boolean when, Optional<LogPattern> log) {

    /** Verdict fields a rate can name, with their values. */
    public static final Map<String, List<String>> VERDICT_VALUES = Map.of(
            "kdumpCorrupted", List.of("true", "false"),
            "dumpSaved", List.of("true", "false"),
            "kdumpKernel", List.of("alive", "panicked", "hung"));
    private static final List<String> VERDICT_FIELDS = List.of("kdumpCorrupted", "dumpSaved", "kdumpKernel");
    private static final String VERDICT = "verdict.";
    private static final String LOG = "log:";

    /** A key that is not in the grammar: the message and what to write instead. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Invalid(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /** The flag a seed outcome records for a log pattern. */
    public static String logFlag(LogPattern p) {
        return "log /" + p.regex() + "/";
    }

    public static RateKey parse(String key) throws Invalid {
        if (key.startsWith(LOG)) {
            LogPattern p;
            try {
                p = LogPattern.parse(key.substring(LOG.length()));
            } catch (IllegalArgumentException e) {
                throw new Invalid("rate " + key + ": " + e.getMessage(), "write 'log:REGEX' with an RE2 regular expression");
            }
            if (p.regex().isEmpty()) {
                throw new Invalid("rate " + key + ": an empty pattern matches every log", "write 'log:REGEX'");
            }
            return new RateKey(key, logFlag(p), true, Optional.of(p));
        }
        String grammar = "write verdict.FIELD=VALUE (FIELD one of " + String.join(", ", VERDICT_FIELDS) + ") or 'log:REGEX'";
        int eq = key.indexOf('=');
        if (!key.startsWith(VERDICT) || eq < 0) {
            throw new Invalid("unknown rate '" + key + "'", grammar);
        }
        String field = key.substring(VERDICT.length(), eq);
        String value = key.substring(eq + 1);
        List<String> values = VERDICT_VALUES.get(field);
        if (values == null) {
            throw new Invalid("rate " + key + ": the verdict has no rate field '" + field + "'", Suggest.hint(field, VERDICT_FIELDS));
        }
        if (!values.contains(value)) {
            throw new Invalid("rate " + key + ": verdict." + field + " is never '" + value + "'", Suggest.hint(value, values));
        }
        if (field.equals("kdumpKernel")) {
            return new RateKey(key, VERDICT + field + "=" + value, true, Optional.empty());
        }
        return new RateKey(key, VERDICT + field, value.equals("true"), Optional.empty());
    }
}
