package dev.kdumpsim.cli.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdumpsim.cli.common.UserInputException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/** Prints what a model decoder returned, as text or as one JSON object; bad input exits 2. */
final class Decoded {

    private Decoded() {
    }

    /** Keys in the map's own (insertion) order, so the JSON is the same every time. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static int print(PrintWriter out, boolean json, Supplier<String> text, Supplier<Map<String, Object>> fields) {
        try {
            out.println(json ? JSON.writeValueAsString(fields.get()) : text.get().stripTrailing());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decoded fields not writable as JSON", e);
        }
        return 0;
    }

    static <T> T parse(String what, Supplier<T> decoder) {
        try {
            return decoder.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(what + ": " + e.getMessage());
        }
    }
}
