package dev.kdumpsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.machine.RasConfig;
import dev.kdumpsim.kernel.ras.CperSeverityPolicy;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** platform.ras: firmware's CPER severity and the SError on aborted DMA, checked where they are written. */
class RasKeysTest {

    static final Path REPORT = Path.of("library/report-2018.yaml");

    @Test
    void absentRasIsTheDefault() throws Exception {
        assertEquals(RasConfig.DEFAULT, MachineAssembler.assemble(ScenarioLoader.load(REPORT, List.of())).ras());
    }

    @Test
    void theKeysReachTheMachine() throws Exception {
        var s = ScenarioLoader.load(REPORT, List.of("platform.ras.cperSeverity=fatal", "platform.ras.abortedDmaSError=true",
                "platform.ras.serrorEsr=0xbe000011"));
        RasConfig r = MachineAssembler.assemble(s).ras();
        assertEquals(CperSeverityPolicy.FATAL, r.cperSeverity());
        assertTrue(r.abortedDmaSError());
        assertEquals(0xbe000011, r.serrorEsr());
    }

    @Test
    void anEsrThatIsNoSErrorIsALocatedError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(REPORT, List.of("platform.ras.serrorEsr=0x96000010")));
        assertTrue(e.getMessage().contains("EC (bits 31:26) 0x2f"), e.getMessage());
        assertTrue(e.getMessage().contains("0xbf000000"), "the hint: " + e.getMessage());
    }

    @Test
    void anUnknownSeverityNamesTheChoices() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(REPORT, List.of("platform.ras.cperSeverity=recoverble")));
        assertTrue(e.getMessage().contains("recoverable"), e.getMessage());
    }
}
