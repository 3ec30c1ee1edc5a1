package dev.kdumpsim.cli;

import dev.kdumpsim.cli.common.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

    @Test
    void bashScriptHasAFunctionPerCommandAndTheirOptions() {
        CliRunner r = CliRunner.run("completion", "bash");
        assertEquals(0, r.exitCode(), r.err());
        for (String s : new String[] {"complete -F _complete_kdumpsim", "function _picocli_kdumpsim_run()", "function _picocli_kdumpsim_sweep()",
            "function _picocli_kdumpsim_decode_tlp()", "function _picocli_kdumpsim_bench_hold()", "--seed", "--out", "--jobs"}) {
            assertTrue(r.out().contains(s), "completion lacks " + s);
        }
    }

    @Test
    void zshScriptIsTheSameFunctionLoadingBashcompinit() {
        CliRunner zsh = CliRunner.run("completion", "zsh");
        assertEquals(0, zsh.exitCode(), zsh.err());
        assertTrue(zsh.out().startsWith("# kdumpsim completion for zsh"), zsh.out());
        assertTrue(zsh.out().contains("bashcompinit"), zsh.out());
        assertTrue(zsh.out().endsWith(CliRunner.run("completion", "bash").out()));
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRunner r = CliRunner.run("completion", "fish");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("expected one of [bash, zsh]"), r.err());
    }

    @Test
    void bashCompletesCommandsAndOptions(@TempDir Path dir) throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs bash");
        Path script = Files.writeString(dir.resolve("kdumpsim.bash"), CliRunner.run("completion", "bash").out());
        assertEquals("run", complete(bash, script, "kdumpsim", "ru"));
        assertEquals("--out", complete(bash, script, "kdumpsim", "run", "--o"));
        assertEquals("bash zsh", complete(bash, script, "kdumpsim", "completion", ""));
    }

    /** What bash's completion function offers for the last word. */
    static String complete(Path bash, Path script, String... words) throws IOException, InterruptedException {
        StringBuilder w = new StringBuilder();
        for (String s : words) {
            w.append(" '").append(s).append('\'');
        }
        String line = String.join(" ", words);
        String cmd = "source '" + script + "'; COMP_WORDS=(" + w + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line
                + "'; COMP_POINT=" + line.length() + "; _complete_kdumpsim 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder(bash.toString(), "--norc", "--noprofile", "-c", cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}
