package dev.kdumpsim.smmuv3;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class StructureCodecTest {

    @Test
    void steRoundTripsAndPutsFieldsAtSpecBits() {
        StreamTableEntry s = new StreamTableEntry(true, StreamTableEntry.CONFIG_S1_TRANS, 1, 0x12_3456_7840L, 5, 2, 1, 7);
        long[] d = s.encode();
        assertEquals(1L | (5L << 1) | (1L << 4) | 0x12_3456_7840L | (5L << 59), d[0]);
        assertEquals(2L | (1L << 44), d[1]);
        assertEquals(s, StreamTableEntry.decode(d));
        assertEquals(0, StreamTableEntry.INVALID.encode()[0]);
    }

    @Test
    void l1DescriptorAndCdRoundTrip() {
        L1StreamTableDescriptor l1 = new L1StreamTableDescriptor(9, 0x8000_4000L);
        assertEquals(9L | 0x8000_4000L, l1.encode());
        assertEquals(l1, L1StreamTableDescriptor.decode(l1.encode()));
        ContextDescriptor cd = ContextDescriptor.linuxDmaDomain(3, 0x9000_0000L, 48, TranslationGranule.GRANULE_4K, 4);
        assertEquals(cd, ContextDescriptor.decode(cd.encode()));
        long w0 = cd.encode()[0];
        assertEquals(16, w0 & 0x3f);
        assertTrue((w0 & (1L << 31)) != 0);
        assertTrue((w0 & (1L << 41)) != 0);
        assertEquals(3, w0 >>> 48);
    }

    @Test
    void commandOpcodesMatchTheSpec() {
        assertEquals(0x03, Command.cfgiSte(1, true).opcode());
        assertEquals(0x04, Command.cfgiAll().opcode());
        assertEquals(31, Command.cfgiAll().range());
        assertEquals(0x10, Command.tlbiNhAll().opcode());
        assertEquals(0x20, Command.tlbiEl2All().opcode());
        assertEquals(0x30, Command.tlbiNsnhAll().opcode());
        assertEquals(0x46, Command.sync().opcode());
        assertEquals(0x01, Command.prefetchConfig(1).opcode());
        assertEquals(0x02, Command.prefetchAddr(1, 0x1000).opcode());
        assertEquals(0x100, Command.cfgiSte(0x100, false).streamId());
    }

    @Test
    void granuleStartLevels() {
        assertEquals(0, TranslationGranule.GRANULE_4K.startLevel(48));
        assertEquals(1, TranslationGranule.GRANULE_4K.startLevel(39));
        assertEquals(1, TranslationGranule.GRANULE_64K.startLevel(48));
        assertEquals(2, TranslationGranule.GRANULE_64K.startLevel(42));
    }
}
