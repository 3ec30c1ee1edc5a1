package dev.kdumpsim.kernel.version;

import java.util.List;
import java.util.stream.Collectors;

/** The {@link VersionTable} as the Markdown table docs/kernel-versions.md embeds (a test keeps the two equal). */
final class VersionTableMarkdown {

    private VersionTableMarkdown() {
    }

    public static String render() {
        StringBuilder b = new StringBuilder();
        b.append("| behaviour | value from then on | first release | commit | subject | stable backports |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Behaviour<?> k : Behaviours.ALL) {
            b.append("| ").append(k.name()).append(" | ").append(value(k.baseline())).append(" | ")
                    .append(VersionTable.OLDEST.shortName()).append(" (oldest covered) | | | |\n");
            for (Change c : VersionTable.rows()) {
                if (c.behaviour() != k) {
                    continue;
                }
                List<String> bp = c.backports().stream().map(KernelRelease::shortName).collect(Collectors.toList());
                b.append("| ").append(k.name()).append(" | ").append(value(c.value())).append(" | ")
                        .append(c.since().shortName()).append(" | ").append(c.commit()).append(" | ")
                        .append(c.subject().replace("|", "\\|")).append(" | ").append(String.join(", ", bp)).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String value(Object v) {
        return "`" + v + "`";
    }
}
