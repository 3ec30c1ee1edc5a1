package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.tlp.CompletionStatus;
import dev.kdumpsim.pcie.tlp.TlpHeader;
import dev.kdumpsim.pcie.tlp.TlpType;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TlpHeaderTest {

    @Test
    void decodesTheReportsHeaderLogAsCompleterAbortFromRootComplexToFunctionOne() {
        TlpHeader h = TlpHeader.decode("0a00a000", "00008100", "01010100", "00000000");
        assertEquals(TlpType.Cpl, h.type());
        assertEquals(CompletionStatus.CA, h.status());
        assertEquals(Bdf.of(0, 0, 0), h.completerId());
        assertEquals(Bdf.of(1, 0, 1), h.requesterId());
        assertEquals(1, h.tag());
        assertEquals(256, h.byteCount());
        assertTrue(h.td());
        assertFalse(h.ep());
        assertEquals(0b010, h.attr()); // Relaxed Ordering
        Map<String, Object> j = h.toJsonFields();
        assertEquals("Cpl", j.get("type"));
        assertEquals("CA", j.get("status"));
        assertEquals("00:00.0", j.get("completerId"));
        assertEquals("01:00.1", j.get("requesterId"));
        assertEquals(1, j.get("tag"));
        assertEquals(256, j.get("byteCount"));
        assertEquals(0, j.get("lengthDw"));
        assertTrue(h.toText().contains("Completer Abort"));
    }

    @Test
    void decodesOneArgumentHoldingAllWordsAnd0xPrefixes() {
        assertEquals(TlpHeader.decode("0a00a000 00008100 01010100 00000000"),
                TlpHeader.decode("0x0a00a000", "0x00008100", "0x01010100"));
    }

    @Test
    void decodesMemoryRequestsWithAddress() {
        TlpHeader rd = TlpHeader.memoryRead(Bdf.of(1, 0, 0), 5, 0xfff80000L, 64, 0, 0);
        Map<String, Object> j = TlpHeader.decode(rd.encode()).toJsonFields();
        assertEquals("MRd", j.get("type"));
        assertEquals("0xfff80000", j.get("address"));
        assertEquals(64, j.get("lengthDw"));
        assertEquals("000", j.get("fmt"));
        TlpHeader rd64 = TlpHeader.memoryRead(Bdf.of(1, 0, 0), 5, 0x1_2345_6780L, 1024, 0, 0);
        int[] dw = rd64.encode();
        assertEquals(4, dw.length);
        assertEquals(0x20000000, dw[0]); // Fmt 001, length 0 = 1024 DW
        assertEquals(rd64, TlpHeader.decode(dw));
    }

    @Test
    void rejectsWrongWordCountNonHexAndUnsupportedTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("0a00a000", "00008100"));
        assertTrue(e.getMessage().contains("expected 3 or 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("1", "2", "3", "4", "5"));
        e = assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("0a00a00g", "00008100", "01010100"));
        assertTrue(e.getMessage().contains("not a 32-bit hex word"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("123456789", "0", "0"));
        e = assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("20000001", "00000000", "00000000"));
        assertTrue(e.getMessage().contains("4-DW"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("04000001", "0", "0")); // CfgRd0
        assertTrue(e.getMessage().contains("unsupported"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TlpHeader.decode("0a000000", "0000e000", "0")); // status 111
    }

    @Test
    void encodeDecodeRoundTripsOverSeededRandomHeaders() {
        for (long seed = 1; seed <= 2000; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            TlpHeader h = randomHeader(r);
            int[] dw = h.encode();
            TlpHeader back = TlpHeader.decode(dw);
            assertEquals(h, back, "seed " + seed);
            String[] hex = new String[dw.length];
            for (int i = 0; i < dw.length; i++) {
                hex[i] = String.format("%08x", dw[i]);
            }
            assertEquals(h, TlpHeader.decode(hex), "seed " + seed);
            assertArrayEquals(dw, back.encode(), "seed " + seed);
        }
    }

    private static TlpHeader randomHeader(SplittableRandom r) {
        TlpType type = TlpType.values()[r.nextInt(4)];
        int tc = r.nextInt(8);
        boolean td = r.nextBoolean();
        boolean ep = r.nextBoolean();
        int attr = r.nextInt(8);
        int at = r.nextInt(4);
        int rid = r.nextInt(0x10000);
        int tag = r.nextInt(256);
        if (type.isCompletion()) {
            CompletionStatus st = CompletionStatus.values()[r.nextInt(4)];
            int len = type == TlpType.CplD ? 1 + r.nextInt(1024) : r.nextInt(1024);
            return new TlpHeader(type, false, tc, td, ep, attr, at, len, rid, tag, 0, 0, 0, r.nextInt(0x10000), st,
                    r.nextBoolean(), 1 + r.nextInt(4096), r.nextInt(128));
        }
        boolean four = r.nextBoolean();
        long addr = four ? (r.nextLong() & ~3L) | (1L << (32 + r.nextInt(31))) : r.nextLong() & 0xfffffffcL;
        return new TlpHeader(type, four, tc, td, ep, attr, at, 1 + r.nextInt(1024), rid, tag, r.nextInt(16), r.nextInt(16),
                addr, 0, null, false, 0, 0);
    }
}
