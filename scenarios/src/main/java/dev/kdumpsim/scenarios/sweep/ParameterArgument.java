package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.value.ValueRange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --param path=v1,v2,...} on the command line: values split at top-level commas (commas
 * inside {@code [..]}, {@code {..}} or YAML quotes belong to the value, so
 * {@code mitigations=[],[flr-all,sbr-all]} has two values and {@code cmdline="crashkernel=256M,high",x}
 * too), each item a value or a range ({@link ValueRange}: {@code 1..4}, {@code 4KiB..1MiB:*4}).
 * Errors read {@code --param path: message (hint)}, like {@code --set} errors.
 */
public final class ParameterArgument {

    private ParameterArgument() {
    }

    public static SweepAxis parse(String argument) throws ScenarioException {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            throw new ScenarioException("--param " + argument, 0, 0, "expected path=v1,v2,...",
                    "e.g. --param kernels.kdump.smmuDriver=arm-smmu-v3@4.16,arm-smmu-v3@5.2 or --param kernels.first.drivers[0].iovaFootprint=64KiB..16MiB:*4");
        }
        String path = argument.substring(0, eq).strip();
        String label = "--param " + path;
        if (path.equals("seed")) {
            throw new ScenarioException(label, 0, 0, "the seed is not swept as a parameter", "use --seeds K for K seeds per point");
        }
        if (path.equals("sweep") || path.startsWith("sweep.") || path.startsWith("sweep[")) {
            throw new ScenarioException(label, 0, 0, "a sweep cannot sweep its own sweep section", "name a scenario field");
        }
        List<String> values = new ArrayList<>();
        for (String item : split(argument.substring(eq + 1), label)) {
            List<String> expanded;
            if (ValueRange.isRange(item)) {
                try {
                    expanded = ValueRange.expand(item);
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException(label, 0, 0, e.getMessage(), "e.g. 1..8, 16..64:16, 4KiB..1MiB:*4, 1ms..5ms:1ms");
                }
            } else {
                expanded = List.of(item);
            }
            for (String v : expanded) {
                if (values.contains(v)) {
                    throw new ScenarioException(label, 0, 0, "value '" + v + "' is given twice", "remove one");
                }
                values.add(v);
            }
        }
        return new SweepAxis(path, values);
    }

    private static List<String> split(String text, String label) throws ScenarioException {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote || i == text.length()) {
                    quote = 0;
                }
                if (i < text.length()) {
                    continue;
                }
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth <= 0) {
                String item = text.substring(start, Math.min(i, text.length())).strip();
                if (item.isEmpty()) {
                    throw new ScenarioException(label, 0, 0, "empty value in '" + text + "'", "separate values with single commas");
                }
                items.add(item);
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new ScenarioException(label, 0, 0, "unbalanced brackets in '" + text + "'", "write list values as [a, b]");
        }
        return items;
    }
}
