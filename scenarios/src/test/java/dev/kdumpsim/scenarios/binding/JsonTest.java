package dev.kdumpsim.scenarios.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes of the project's JSON files, pinned: the goldens and resumed sweeps compare them, so
 * a Jackson upgrade or a changed default (spacing, empty containers, escapes, line ends) must fail
 * here first, with the case that changed.
 */
class JsonTest {

    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", List.of(1, "x", true));
        m.put("empty", new LinkedHashMap<>());
        m.put("none", new ArrayList<>());
        m.put("null", null);
        m.put("ratio", 0.25);
        return m;
    }

    @Test
    void prettyIsTwoSpaceIndentedWithColonSpaceAndEmptyContainersClosed() {
        assertEquals("""
                {
                  "b": 1,
                  "a": [
                    1,
                    "x",
                    true
                  ],
                  "empty": {},
                  "none": [],
                  "null": null,
                  "ratio": 0.25
                }
                """, Json.pretty(sample()));
    }

    @Test
    void compactHasNoSpaces() {
        assertEquals("{\"b\":1,\"a\":[1,\"x\",true],\"empty\":{},\"none\":[],\"null\":null,\"ratio\":0.25}", Json.compact(sample()));
    }

    @Test
    void doublesAreJavasShortestFormAndNonFiniteOnesNull() {
        assertEquals("[1.0,1.0E10,1.0E-7,-0.0,null,null]",
                Json.compact(Arrays.asList(1.0, 1e10, 1e-7, -0.0, Double.NaN, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void controlCharactersOtherThanNewlineTabReturnAreLowerCaseUnicodeEscapes() {
        assertEquals("\"q\\\" b\\\\ /\\n\\t\\r\\u0000\\u0008\\u000c\\u001f é 😀\"",
                Json.compact("q\" b\\ /\n\t\r\u0000\b\f\u001f é 😀"));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("k\u001b", 1L);
        assertEquals("{\"k\\u001b\":1}", Json.compact(key));
    }

    @Test
    void readingGivesLongsDoublesAndOrderedMapsThatWriteBackTheSameBytes() {
        String text = Json.pretty(sample());
        Object tree = Json.parse(text);
        assertEquals(text, Json.pretty(tree));
        Map<?, ?> m = (Map<?, ?>) tree;
        assertEquals(List.of("b", "a", "empty", "none", "null", "ratio"), new ArrayList<>(m.keySet()));
        assertEquals(Long.class, ((List<?>) m.get("a")).get(0).getClass());
        assertEquals(Double.class, m.get("ratio").getClass());
    }

    @Test
    void malformedTrailingOrOutOfRangeTextIsOneLineIllegalArgument() {
        for (String bad : List.of("", "{", "{\"a\":1} x", "[1,]", "99999999999999999999", "{\"a\":\n@}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, @]")).getMessage().endsWith("at character 5"));
    }
}
