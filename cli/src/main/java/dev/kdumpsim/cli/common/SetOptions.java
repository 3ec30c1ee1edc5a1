package dev.kdumpsim.cli.common;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks on {@code --set PATH=VALUE} arguments the scenario loader would report less clearly. */
public final class SetOptions {

    private SetOptions() {
    }

    /**
     * Rejects {@code --set PATH=} with nothing after the '=' as a usage error: an empty value would
     * reach the loader as YAML null and read as "unset", which is never what was meant.
     */
    public static void check(CommandSpec spec, List<String> sets) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(eq + 1).isBlank()) {
                String path = s.substring(0, eq).strip();
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + path + "= has an empty value (write --set "
                        + path + "=VALUE; quote an empty string as '' and write an empty list as [])");
            }
        }
    }
}
