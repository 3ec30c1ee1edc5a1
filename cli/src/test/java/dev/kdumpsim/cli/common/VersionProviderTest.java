package dev.kdumpsim.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import dev.kdumpsim.cli.CliRunner;
import org.junit.jupiter.api.Test;

class VersionProviderTest {

    @Test
    void versionNamesTheCommitAndTheBuildDate() {
        CliRunner r = CliRunner.run("--version");
        assertEquals(0, r.exitCode());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.matches("kdumpsim \\S+ \\(commit ([0-9a-f]{12}|unknown), built (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ|unknown)\\)"), first);
        assertTrue(r.out().contains("\nJava "), r.out());
    }

    @Test
    void theReportVersionIsTheProjectVersionAlone() {
        // report.json's "version" carries version(); commit and date are separate so that report stays as it was
        assertTrue(VersionProvider.version().matches("[0-9][0-9A-Za-z.-]*|unknown"), VersionProvider.version());
        VersionProvider.BuildInfo b = VersionProvider.buildInfo();
        assertEquals(VersionProvider.version(), b.version());
        assertEquals(VersionProvider.commit(), b.commit());
        assertEquals(VersionProvider.buildDate(), b.buildDate());
    }

    @Test
    void aValueTheBuildCouldNotFillIsUnknown() {
        Properties p = new Properties();
        p.setProperty("commit", "${buildNumber}");
        p.setProperty("buildDate", " ");
        p.setProperty("version", "1.2.3");
        assertEquals("unknown", VersionProvider.value(p, "commit"));
        assertEquals("unknown", VersionProvider.value(p, "buildDate"));
        assertEquals("unknown", VersionProvider.value(p, "missing"));
        assertEquals("1.2.3", VersionProvider.value(p, "version"));
    }
}
