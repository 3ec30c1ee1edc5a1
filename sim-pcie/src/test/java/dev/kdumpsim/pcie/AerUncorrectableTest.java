package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.aer.AerUncorrectable;
import java.util.List;
import org.junit.jupiter.api.Test;

class AerUncorrectableTest {

    @Test
    void decodesTheReportsStatusAsMalformedTlpAtTheReceiver() {
        AerUncorrectable a = AerUncorrectable.decode("0x00040000");
        assertEquals(List.of("Malformed TLP"), a.errors());
        assertEquals("Transaction Layer", a.layer());
        assertEquals("Receiver ID", a.agent());
        assertEquals(List.of("Malformed TLP"), a.toJsonFields().get("errors"));
        assertEquals("0x00040000", a.toJsonFields().get("value"));
        assertTrue(a.toText().contains("[18] Malformed TLP"));
    }

    @Test
    void namesEveryBitOfTheReportsSeverity() {
        assertEquals(List.of("Undefined", "Data Link Protocol", "Flow Control Protocol", "Receiver Overflow", "Malformed TLP"),
                AerUncorrectable.decode("00062011").errors());
        assertEquals("Data Link Layer", AerUncorrectable.decode("00062011").layer());
        assertEquals("Completer ID", AerUncorrectable.decode("0x00108000").agent());
        assertEquals("Requester ID", AerUncorrectable.decode("0x00004000").agent());
        assertEquals(List.of("Unknown Error Bit 1"), AerUncorrectable.decode("2").errors());
        assertEquals(List.of(), AerUncorrectable.decode("0").errors());
    }

    @Test
    void rejectsNonHexAndOverlongValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AerUncorrectable.decode("0xZZ"));
        assertTrue(e.getMessage().contains("not a 32-bit hex value"));
        assertThrows(IllegalArgumentException.class, () -> AerUncorrectable.decode("0x100000000"));
        assertThrows(IllegalArgumentException.class, () -> AerUncorrectable.decode(" "));
        assertThrows(IllegalArgumentException.class, () -> AerUncorrectable.decode("0x"));
    }
}
