package dev.kdumpsim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", JsonText.quote("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\"", JsonText.quote("\n\r\t\b\f\u0000\u001f"));
        assertEquals("\"/ \u007f é\"", JsonText.quote("/ \u007f é"), "solidus, DEL and non-ASCII stay as they are");
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogatesAndLineSeparators() {
        assertEquals("\"\uD83D\uDE00\"", JsonText.quote("\uD83D\uDE00"));
        assertEquals("\"\\ud83d x \\ude00\"", JsonText.quote("\uD83D x \uDE00"));
        assertEquals("\"\\u2028\\u2029\"", JsonText.quote("\u2028\u2029"));
    }

    @Test
    void anyStringRoundTripsThroughAStrictJsonReader() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(20);
            for (int k = 0; k < len; k++) {
                // mostly the awkward range: controls, quotes, backslash, surrogates
                b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : "\"\\\u0000\u001f\n\uD800\uDFFFa\u2028".charAt(r.nextInt(9)));
            }
            String s = b.toString();
            assertEquals(s, MiniJson.parse(JsonText.quote(s)), "string #" + n);
        }
    }
}
