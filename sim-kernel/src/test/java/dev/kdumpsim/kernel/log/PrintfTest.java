package dev.kdumpsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrintfTest {

    @Test
    void formatsTheKernelMessagesOfTheReport() {
        assertEquals("event 0x02 received:", Printf.format("event 0x%02x received:", 2));
        assertEquals("\t0x0000010000000002", Printf.format("\t0x%016llx", 0x0000010000000002L));
        assertEquals("ias 44-bit, oas 44-bit (features 0x00001fef)",
                Printf.format("ias %lu-bit, oas %lu-bit (features 0x%08x)", 44L, 44L, 0x1fef));
        assertEquals("crashkernel reserved: 0x000000007fe00000 - 0x00000000ffe00000 (2048 MB)",
                Printf.format("crashkernel reserved: 0x%016llx - 0x%016llx (%lld MB)", 0x7fe00000L, 0xffe00000L, 2048L));
        assertEquals("  TLP Header: 0a00a000 00008100 01010100 00000000",
                Printf.format("  TLP Header: %08x %08x %08x %08x", 0x0a00a000, 0x00008100, 0x01010100, 0));
        assertEquals("   [18] Malformed TLP" + " ".repeat(22 - 13) + "(First)",
                Printf.format("   [%2d] %-22s%s", 18, "Malformed TLP", "(First)"));
        assertEquals("[    7.220162] ", Printf.format("[%5lu.%06lu] ", 7L, 220162L));
    }

    @Test
    void integerWidthsFollowCTypes() {
        assertEquals("ffffffff", Printf.format("%x", -1));
        assertEquals("ffffffff", Printf.format("%x", -1L)); // int conversion truncates
        assertEquals("ffffffffffffffff", Printf.format("%llx", -1L));
        assertEquals("4294967295", Printf.format("%u", -1));
        assertEquals("-5", Printf.format("%d", -5));
        assertEquals("18446744073709551615", Printf.format("%lu", -1L));
        assertEquals("ff", Printf.format("%hhx", 0x1ff));
        assertEquals("FF", Printf.format("%X", 255));
        assertEquals("0x1f", Printf.format("%#x", 31));
        assertEquals("0x0", Printf.format("%#x", 0), "the kernel keeps 0x for zero (lib/vsprintf.c number())");
        assertEquals("0", Printf.format("%#o", 0));
        assertEquals("+7", Printf.format("%+d", 7));
        assertEquals("-0042", Printf.format("%05d", -42));
        assertEquals("  -42", Printf.format("%5d", -42));
        assertEquals("007", Printf.format("%.3d", 7));
        assertEquals("ab   |", Printf.format("%-5s|", "ab"));
        assertEquals("abc", Printf.format("%.3s", "abcdef"));
        assertEquals("100%", Printf.format("%d%%", 100));
        assertEquals("c", Printf.format("%c", 'c'));
        assertEquals("   12", Printf.format("%*d", 5, 12));
        assertEquals("(null)", Printf.format("%s", (Object) null));
    }

    @Test
    void mismatchedArgumentsFailLoudly() {
        assertThrows(IllegalArgumentException.class, () -> Printf.format("%d %d", 1));
        assertThrows(IllegalArgumentException.class, () -> Printf.format("%d", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Printf.format("%p", 1));
        assertThrows(IllegalArgumentException.class, () -> Printf.format("%d", "x"));
    }
}
