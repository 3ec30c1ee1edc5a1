package dev.kdumpsim.scenarios.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypedValuesTest {

    @Test
    void addressesParseHexDecimalAndSeparators() {
        assertEquals(0x7fe00000L, PhysAddr.parse("0x7fe00000").value());
        assertEquals(0x7fe00000L, PhysAddr.parse("0x7fe0_0000").value());
        assertEquals(4096, PhysAddr.parse("4096").value());
        assertEquals("0x7fe00000", PhysAddr.parse("0x7FE00000").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhysAddr.parse("7fe00000h"));
        assertTrue(e.getMessage().contains("0x7fe00000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhysAddr.parse("0xffffffffffffffff"));
        assertThrows(IllegalArgumentException.class, () -> PhysAddr.parse("0x"));
    }

    @Test
    void sizesUseBinaryUnits() {
        assertEquals(2L << 30, ByteSize.parse("2GiB").bytes());
        assertEquals(2L << 30, ByteSize.parse("2G").bytes());
        assertEquals(512L << 20, ByteSize.parse("512MiB").bytes());
        assertEquals(4096, ByteSize.parse("4KiB").bytes());
        assertEquals(4096, ByteSize.parse("0x1000").bytes());
        assertEquals("2GiB", ByteSize.parse("0x80000000").toString());
        assertEquals("100", new ByteSize(100).toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("2GB")).getMessage().contains("ambiguous"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("9999999999TiB"));
    }

    @Test
    void bdfsParseWithOrWithoutSegment() {
        Bdf b = Bdf.parse("01:00.0");
        assertEquals(0x100, b.requesterId());
        assertEquals("0000:01:00.0", b.pciName());
        assertEquals("01:00.1", Bdf.parse("0000:01:00.1").toString());
        assertEquals(0x101, Bdf.parse("01:00.1").requesterId());
        assertEquals(0xff << 8 | 0x1f << 3 | 7, Bdf.parse("ff:1f.7").requesterId());
        assertThrows(IllegalArgumentException.class, () -> Bdf.parse("01:20.0"));
        assertThrows(IllegalArgumentException.class, () -> Bdf.parse("01:00.8"));
        assertThrows(IllegalArgumentException.class, () -> Bdf.parse("1.0"));
    }

    @Test
    void durationsAreExactNanoseconds() {
        assertEquals(7_018_304_000L, SimDuration.parse("7.018304s").nanos());
        assertEquals(100_000_000L, SimDuration.parse("100ms").nanos());
        assertEquals(2_000, SimDuration.parse("2us").nanos());
        assertEquals(500, SimDuration.parse("500ns").nanos());
        assertEquals("100ms", SimDuration.parse("0.1s").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimDuration.parse("7")).getMessage().contains("unit"));
        assertThrows(IllegalArgumentException.class, () -> SimDuration.parse("0.5ns"));
        assertThrows(IllegalArgumentException.class, () -> SimDuration.parse("-1s"));
    }
}
