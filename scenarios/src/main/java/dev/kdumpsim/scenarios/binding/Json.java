package dev.kdumpsim.scenarios.binding;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every JSON text the scenarios module writes or reads (report.json, the schema, sweep.json,
 * results.jsonl, the journal), through jackson-databind. Trees are {@code Map} (key order kept),
 * {@code List}, {@code String}, {@code Long}/{@code Integer}, {@code Double}, {@code Boolean} and
 * null. The output is fixed byte for byte, because goldens and resumed sweeps compare bytes:
 * pretty text is two-space indented with "\n" line ends (never the platform's), {@code "key": value},
 * {@code {}} and {@code []} when empty, and a final newline; compact text has no spaces. Non-finite
 * doubles are written as null, and control characters other than \n, \t and \r as lower-case
 * {@code \\u00xx}, as the project's files have always had them. Reading gives integers as
 * {@code Long} and other numbers as {@code Double}, so writing what was read gives the same bytes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new ControlEscapes()).build())
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("kdumpsim-json").addSerializer(Double.class, new FiniteOrNull()))
            .build();

    private static final ObjectWriter COMPACT = MAPPER.writer();

    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(TWO_SPACES)
            .withArrayIndenter(TWO_SPACES));

    private Json() {
    }

    /** One line, no spaces. */
    public static String compact(Object value) {
        return write(COMPACT, value);
    }

    /** Two-space indented, "\n" line ends, ending in a newline. */
    public static String pretty(Object value) {
        return write(PRETTY, value) + "\n";
    }

    /**
     * Parses one JSON value into a tree of the kinds above; {@link IllegalArgumentException}, with
     * a one-line message naming the character, on anything malformed, trailing or out of range.
     */
    public static Object parse(String text) {
        Object tree;
        try {
            tree = MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null || e.getLocation().getCharOffset() < 0 ? ""
                    : " at character " + (e.getLocation().getCharOffset() + 1);
            throw new IllegalArgumentException(e.getOriginalMessage().replaceAll("\\s+", " ").strip() + at);
        }
        checkRange(tree);
        return tree;
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /** An integer beyond a long would come back as a BigInteger, which no reader of these files expects. */
    private static void checkRange(Object v) {
        if (v instanceof BigInteger b) {
            throw new IllegalArgumentException("number " + b + " is out of range");
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(Json::checkRange);
        } else if (v instanceof List<?> l) {
            l.forEach(Json::checkRange);
        }
    }

    /** NaN and infinities have no JSON form: null, as a missing measurement. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double d, JsonGenerator g, SerializerProvider p) throws IOException {
            if (d.isNaN() || d.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(d);
            }
        }
    }

    /** JSON's required escapes, with control characters other than \n, \t and \r as lower-case \\u00xx. */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] codes = standardAsciiEscapesForJSON();

        ControlEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\t' && c != '\r') {
                    codes[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        /** Asked for the custom codes above and for every non-ASCII character, which stays as it is (null). */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
