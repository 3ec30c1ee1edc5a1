package dev.kdumpsim.cli;

import dev.kdumpsim.cli.common.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KdumpSimTest {

    @Test
    void helpListsSubcommandsAndExitCodes() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("bench"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("an expectation failed"), r.out());
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRunner r = CliRunner.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("kdumpsim "), r.out());
    }

    @Test
    void unknownSubcommandExitsTwoWithoutStackTrace() {
        CliRunner r = CliRunner.run("frobnicate");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("frobnicate"), r.err());
        assertFalse(r.err().contains("at dev.kdumpsim"), r.err());
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRunner.run().exitCode());
    }
}
