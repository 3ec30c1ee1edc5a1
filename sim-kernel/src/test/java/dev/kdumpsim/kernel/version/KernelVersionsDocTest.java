package dev.kdumpsim.kernel.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/kernel-versions.md embeds the version table between markers; it must be the table the
 * code has. The rendered table is also written to target/kernel-versions-table.md to copy from.
 */
class KernelVersionsDocTest {

    static final String BEGIN = "<!-- version-table:begin (generated from VersionTable; KernelVersionsDocTest checks it) -->\n";
    static final String END = "<!-- version-table:end -->";

    @Test
    void theDocsTableIsTheCodesTable() throws IOException {
        String table = VersionTableMarkdown.render();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/kernel-versions-table.md"), table, StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("../docs/kernel-versions.md"), StandardCharsets.UTF_8);
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        String embedded = b < 0 || e < b ? "(markers missing)" : doc.substring(b + BEGIN.length(), e);
        assertEquals(table, embedded, "docs/kernel-versions.md is stale: copy sim-kernel/target/kernel-versions-table.md");
    }
}
