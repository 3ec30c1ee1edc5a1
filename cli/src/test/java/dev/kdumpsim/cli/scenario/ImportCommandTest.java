package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    static final String REPORTS = "../scenarios/src/test/resources/reports/";

    @Test
    void printsTheScenarioToStandardOutput() {
        CliRunner r = CliRunner.run("import", REPORTS + "report-2018.log");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# Written by `kdumpsim import` from report-2018.log."), r.out());
        assertTrue(r.out().contains("name: imported-report-2018"), r.out());
    }

    @Test
    void writesOutAtomicallyAndTheFileValidatesAndRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/imported.yaml");
        CliRunner r = CliRunner.run("import", REPORTS + "igb-native-aer-5.x.log", "--lspci", REPORTS + "lspci-tv.txt", REPORTS + "lspci-nn.txt",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("imported-igb-native-aer-5-x"), r.out());
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
        assertEquals(0, CliRunner.run("validate", out.toString()).exitCode());
        CliRunner run = CliRunner.run("run", out.toString(), "--log", "none");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
    }

    @Test
    void fromMailSkipsTheHeadersAndCitesTheMessageId(@TempDir Path dir) throws Exception {
        Path mail = dir.resolve("thread.eml");
        Files.writeString(mail, "From: r@example.invalid\nSubject: RFC on Kdump and PCIe on ARM64\nMessage-ID: <t1@example.invalid>\n\n"
                + Files.readString(Path.of(REPORTS + "report-2018.log")));
        CliRunner r = CliRunner.run("import", "--from-mail", mail.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("from thread.eml, Message-ID <t1@example.invalid>"), r.out());
    }

    @Test
    void badInputIsOneLineExitTwoAndNoFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.yaml");
        Path empty = Files.writeString(dir.resolve("empty.log"), "");
        Path notLspci = Files.writeString(dir.resolve("l.txt"), "no lspci here\n");
        String[][] cases = {
            {"import", empty.toString(), "--out", out.toString()},
            {"import", dir.resolve("missing.log").toString(), "--out", out.toString()},
            {"import", REPORTS + "report-2018.log", "--lspci", notLspci.toString(), "--out", out.toString()},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(c);
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception:") || r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        assertTrue(CliRunner.run(cases[2]).err().contains(notLspci + ":1:1: not lspci output"));
    }
}
