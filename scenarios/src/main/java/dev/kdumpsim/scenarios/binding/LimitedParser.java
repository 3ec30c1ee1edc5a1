package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.scenarios.error.ScenarioException;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that enforces {@link ScenarioText#MAX_DEPTH} and {@link ScenarioText#MAX_SCALAR_CHARS}
 * on the event stream as the composer pulls it. snakeyaml-engine's {@code Composer} recurses once
 * per nesting level (composeNode, composeMappingNode, composeValueNode), so about 1,200 block or
 * 1,500 flow levels overflowed the thread stack; refusing the event that opens level 65 stops it
 * at a located error before the recursion is deep. LoadSettings (3.0.1) has no depth limit of its own.
 */
final class LimitedParser implements Parser {

    /** Carries the located error through the composer, which only lets runtime exceptions pass. */
    static final class Limit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ScenarioException error;

        Limit(ScenarioException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private final Parser parser;
    private final String label;
    private int depth;

    LimitedParser(Parser parser, String label) {
        this.parser = parser;
        this.label = label;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > ScenarioText.MAX_DEPTH) {
                    throw new Limit(error(e, "nesting is deeper than " + ScenarioText.MAX_DEPTH + " levels",
                            "a scenario nests at most 8 levels: look for unbalanced [ or { or a runaway generator"));
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Scalar -> {
                if (((ScalarEvent) e).getValue().length() > ScenarioText.MAX_SCALAR_CHARS) {
                    throw new Limit(error(e, "value is longer than " + ScenarioText.MAX_SCALAR_CHARS + " characters",
                            "look for an unclosed quote"));
                }
            }
            default -> { }
        }
        return e;
    }

    private ScenarioException error(Event e, String message, String hint) {
        return Yaml.error(label, e.getStartMark(), message, hint);
    }
}
