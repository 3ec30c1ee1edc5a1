package dev.kdumpsim.kernel.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrashkernelParserTest {

    static final long G = 1L << 30;
    static final long M = 1L << 20;

    @Test
    void memparseReadsSuffixesAndBases() {
        int[] p = {0};
        assertEquals(2 * G, CrashkernelParser.memparse("2G", p));
        p[0] = 0;
        assertEquals(0x80000000L, CrashkernelParser.memparse("0x80000000", p));
        p[0] = 0;
        assertEquals(8, CrashkernelParser.memparse("010", p));
        p[0] = 0;
        assertEquals(512L << 10, CrashkernelParser.memparse("512k", p));
        p[0] = 0;
        assertEquals(1L << 40, CrashkernelParser.memparse("1T", p));
        p[0] = 0;
        CrashkernelParser.memparse("xyz", p);
        assertEquals(0, p[0]);
    }

    @Test
    void simpleSizeWithAndWithoutOffset() {
        assertEquals(new CrashkernelSpec(2 * G, 0, CrashkernelSpec.Kind.PLAIN, "2G"), CrashkernelParser.parse("2G", 32 * G));
        CrashkernelSpec s = CrashkernelParser.parse("256M@0x90000000", 32 * G);
        assertEquals(256 * M, s.size());
        assertEquals(0x90000000L, s.base());
    }

    @Test
    void rangeListPicksTheRangeHoldingSystemRam() {
        assertEquals(128 * M, CrashkernelParser.parse("512M-2G:64M,2G-:128M", 32 * G).size());
        assertEquals(64 * M, CrashkernelParser.parse("512M-2G:64M,2G-:128M", G).size());
        CrashkernelSpec none = CrashkernelParser.parse("512M-2G:64M,2G-:128M", 256 * M);
        assertEquals(0, none.size());
        CrashkernelSpec at = CrashkernelParser.parse("1G-:256M@0x80000000", 32 * G);
        assertEquals(0x80000000L, at.base());
    }

    @Test
    void highAndLowSuffixes() {
        assertEquals(CrashkernelSpec.Kind.HIGH, CrashkernelParser.parse("4G,high", 32 * G).kind());
        assertEquals(128 * M, CrashkernelParser.parse("128M,low", 32 * G).size());
    }

    @Test
    void badSyntaxGivesKernelWarningAndHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrashkernelParser.parse("2Q", 32 * G));
        assertTrue(e.getMessage().contains("crashkernel=2Q: crashkernel: unrecognized char: Q"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrashkernelParser.parse("2G-1G:64M", 32 * G))
                .getMessage().contains("end <= start"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrashkernelParser.parse("1G-:64G", 32 * G))
                .getMessage().contains("invalid size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrashkernelParser.parse("1G:64M", 32 * G))
                .getMessage().contains("'-' expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrashkernelParser.parse("abc", 32 * G))
                .getMessage().contains("memory value expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CrashkernelParser.parse("256M@1G,high", 32 * G))
                .getMessage().contains("unrecognized char: @"));
    }

    @Test
    void lastPlainOptionOnTheCommandLineWins() {
        String cmdline = "console=ttyAMA0 crashkernel=512M crashkernel=4G,high crashkernel=2G quiet";
        assertEquals(2 * G, CrashkernelParser.fromCommandLine(cmdline, 32 * G, CrashkernelSpec.Kind.PLAIN).orElseThrow().size());
        assertEquals(4 * G, CrashkernelParser.fromCommandLine(cmdline, 32 * G, CrashkernelSpec.Kind.HIGH).orElseThrow().size());
        assertTrue(CrashkernelParser.fromCommandLine("quiet", 32 * G, CrashkernelSpec.Kind.PLAIN).isEmpty());
    }
}
