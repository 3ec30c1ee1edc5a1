package dev.kdumpsim.smmuv3;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordTest {

    @Test
    void decodesTheReportsRecord() {
        EventRecord e = EventRecord.decode("0x0000010000000002", "0", "0", "0");
        assertEquals(EventId.C_BAD_STREAMID, e.eventId());
        assertEquals(0x100, e.streamId());
        Map<String, Object> j = e.toJsonFields();
        assertEquals("0x02", j.get("id"));
        assertEquals("C_BAD_STREAMID", j.get("name"));
        assertEquals("0x100", j.get("streamId"));
        assertEquals("0x0", j.get("substreamId"));
        assertEquals(Boolean.FALSE, j.get("read"));
        assertEquals("CD", j.get("class"));
        assertEquals("0x0000000000000000", j.get("inputAddress"));
        assertTrue(e.toText().contains("C_BAD_STREAMID"));
        assertTrue(e.toText().contains("StreamID     0x100"));
    }

    @Test
    void encodesEveryFieldAtItsSpecBit() {
        long dw0 = EventRecord.dw0(EventId.F_TRANSLATION, 0x1234, true, 0xabcde);
        assertEquals(0x0000_1234_abcd_e810L, dw0);
        EventRecord e = new EventRecord(dw0, EventRecord.dw1(true, true, false, true, EventRecord.CLASS_TTD)
                | (1L << 31) | 0x55 | (1L << 44), 0xffff_f000L, 0x1234_5000L);
        assertTrue(e.ssv());
        assertEquals(0xabcde, e.substreamId());
        assertTrue(e.read());
        assertTrue(e.privileged());
        assertTrue(e.stage2());
        assertTrue(e.stall());
        assertTrue(e.ttRnW());
        assertEquals(0x55, e.stag());
        assertEquals(EventRecord.CLASS_TTD, e.eventClass());
        assertEquals(1L << 35, EventRecord.dw1(true, false, false, false, 0));
        assertEquals(0x1234_5000L, e.ipa());
    }

    @Test
    void acceptsHexWithoutPrefix() {
        assertEquals(0x10, EventRecord.decode("10", "0", "0", "0").eventId());
    }

    @Test
    void rejectsWrongCountAndNonNumbersWithAHint() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> EventRecord.decode("0", "0"));
        assertTrue(a.getMessage().contains("4 dwords"));
        assertTrue(a.getMessage().contains("hint"));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> EventRecord.decode("0xzz", "0", "0", "0"));
        assertTrue(b.getMessage().contains("dword 0"));
        assertThrows(IllegalArgumentException.class, () -> EventRecord.decode("0", "0", "0", "12345678901234567"));
    }
}
