package dev.kdumpsim.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --shard auto} (and {@code auto/N}): the shard index and count from the job engine the
 * sweep runs under, so one command line serves every job of an array:
 * <ul>
 * <li>GitLab CI {@code parallel:}: {@code CI_NODE_INDEX} (1-based) of {@code CI_NODE_TOTAL};</li>
 * <li>Kubernetes Indexed Jobs: {@code JOB_COMPLETION_INDEX} (0-based); the count is not in the
 *     environment, so it is given as {@code auto/N} ({@code spec.completions});</li>
 * <li>Slurm job arrays: {@code SLURM_ARRAY_TASK_ID} from {@code SLURM_ARRAY_TASK_MIN} (0 if unset)
 *     of {@code SLURM_ARRAY_TASK_COUNT}.</li>
 * </ul>
 * Exactly one engine's variables must be present; the result is {@code k/n} for Shard.parse.
 */
public final class AutoShard {

    private AutoShard() {
    }

    /** Whether {@code text} asks for auto-detection. */
    public static boolean isAuto(String text) {
        return text.equals("auto") || text.startsWith("auto/");
    }

    /** {@code k/n} for {@code text} ("auto" or "auto/N") in {@code env}; IllegalArgumentException says what is missing. */
    public static String resolve(String text, Map<String, String> env) {
        Integer given = null;
        if (text.startsWith("auto/")) {
            given = positive(text.substring(5), "the count in --shard " + text);
        }
        List<String> found = new ArrayList<>();
        String result = null;
        if (env.containsKey("CI_NODE_INDEX") || env.containsKey("CI_NODE_TOTAL")) {
            found.add("GitLab (CI_NODE_INDEX/CI_NODE_TOTAL)");
            int k = positive(need(env, "CI_NODE_INDEX"), "CI_NODE_INDEX");
            int n = given != null ? given : positive(need(env, "CI_NODE_TOTAL"), "CI_NODE_TOTAL");
            result = k + "/" + n;
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            found.add("Kubernetes (JOB_COMPLETION_INDEX)");
            int k = nonNegative(env.get("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX") + 1;
            if (given == null) {
                throw new IllegalArgumentException("--shard auto under a Kubernetes Indexed Job needs the count:"
                        + " write --shard auto/N with N = the Job's completions");
            }
            result = k + "/" + given;
        }
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            found.add("Slurm (SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT)");
            int id = nonNegative(env.get("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID");
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN")
                    ? nonNegative(env.get("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN") : 0;
            int n = given != null ? given : positive(need(env, "SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT");
            result = (id - min + 1) + "/" + n;
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("--shard auto found no job-array variables (GitLab CI_NODE_INDEX/"
                    + "CI_NODE_TOTAL, Kubernetes JOB_COMPLETION_INDEX, Slurm SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT);"
                    + " give --shard K/N");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("--shard auto is ambiguous: " + String.join(" and ", found)
                    + " are both set; give --shard K/N");
        }
        return result;
    }

    private static String need(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--shard auto: " + name + " is not set");
        }
        return v;
    }

    private static int positive(String v, String what) {
        int n = nonNegative(v, what);
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + v);
        }
        return n;
    }

    private static int nonNegative(String v, String what) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is '" + v + "', not a whole number");
        }
    }

    /**
     * A {@code --shard} option's value as the slice to run: {@code K/N}, or {@code auto}/{@code auto/N}
     * resolved from {@code env}; null is every variant. A bad value is a usage error of {@code spec}.
     */
    public static dev.kdumpsim.scenarios.sweep.Shard option(picocli.CommandLine.Model.CommandSpec spec, String shard,
            Map<String, String> env) {
        if (shard == null) {
            return dev.kdumpsim.scenarios.sweep.Shard.ALL;
        }
        try {
            return dev.kdumpsim.scenarios.sweep.Shard.parse(isAuto(shard) ? resolve(shard, env) : shard);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A {@code --jobs} option's value: the processors when absent; below 1 is a usage error. */
    public static int jobs(picocli.CommandLine.Model.CommandSpec spec, Integer jobs) {
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        return threads;
    }
}
