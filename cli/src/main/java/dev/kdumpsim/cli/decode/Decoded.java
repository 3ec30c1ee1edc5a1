package dev.kdumpsim.cli.decode;

import dev.kdumpsim.cli.common.JsonText;
import dev.kdumpsim.cli.common.UserInputException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/** Prints what a model decoder returned, as text or as one JSON object; bad input exits 2. */
final class Decoded {

    private Decoded() {
    }

    static int print(PrintWriter out, boolean json, Supplier<String> text, Supplier<Map<String, Object>> fields) {
        out.println(json ? JsonText.object(fields.get()) : text.get().stripTrailing());
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
