package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, explain, run and sweep accept files that {@code extends:} a base; an error in the base is located there. */
class ExtendsCommandsTest {

    static final String LIB = "../scenarios/library/";

    @Test
    void validateExplainAndRunAcceptALibraryFileThatExtendsTheBase() {
        CliRunner v = CliRunner.run("validate", LIB + "policy-5.2-abort-then-reset.yaml", LIB + "mitigation-flr-all.yaml");
        assertEquals(0, v.exitCode(), v.err());
        CliRunner e = CliRunner.run("explain", LIB + "mitigation-flr-all.yaml", "--set", "kernels.kdump.smmuDriver=arm-smmu-v3@5.2");
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("01:00.0"), e.out());
        CliRunner r = CliRunner.run("run", LIB + "policy-5.2-abort-then-reset.yaml", "--log", "none");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void anErrorInTheBaseIsOneLineAtTheBaseExitTwo(@TempDir Path dir) throws Exception {
        String machine = Files.readString(Path.of(LIB + "base/report-2018-machine.yaml")).replace("oasBits: 44", "oasBits: 44bits");
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/m.yaml"), machine);
        Files.writeString(dir.resolve("s.yaml"), "extends: base/m.yaml\nname: s\n");
        for (String command : new String[] {"validate", "explain", "run", "sweep"}) {
            CliRunner r = CliRunner.run(command, dir.resolve("s.yaml").toString());
            assertEquals(2, r.exitCode(), command + ": " + r.err());
            String line = r.err().startsWith("kdumpsim: ") ? r.err().substring("kdumpsim: ".length()) : r.err(); // validate lists files without the prefix
            assertTrue(line.startsWith(dir.resolve("base/m.yaml") + ":18:14: "), command + ": " + r.err());
            assertTrue(r.err().contains("oasBits"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void sweepRunsAFileThatExtendsABase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), """
                extends: %s
                name: sw
                timeline:
                  - {at: 10s, action: panic}
                  - {at: 2s, clock: kdump, action: run-until}
                sweep:
                  seeds: 1
                  parameters:
                    - path: kernels.kdump.smmuDriver
                      values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]
                """.formatted(dir.relativize(Path.of(LIB + "base/report-2018-machine.yaml").toAbsolutePath())));
        CliRunner r = CliRunner.run("sweep", dir.resolve("sw.yaml").toString(), "-j", "1", "-o", dir.resolve("out").toString());
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
        assertTrue(Files.readString(dir.resolve("out/results.csv")).lines().count() >= 3);
    }
}
