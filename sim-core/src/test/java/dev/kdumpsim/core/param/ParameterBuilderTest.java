package dev.kdumpsim.core.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterBuilderTest {

    record Unit(int widthBits, boolean coherent, long latencyNs) {
        Unit {
            if (widthBits < 1) {
                throw new IllegalArgumentException("widthBits must be >= 1");
            }
        }
    }

    static final List<ModelParameter<?>> PARAMS = List.of(
            ModelParameter.of("widthBits", Integer.class, 16, "width"),
            ModelParameter.of("coherent", Boolean.class, true, "coherent walks"),
            ModelParameter.of("latencyNs", Long.class, 100L, "latency"));

    @Test
    void buildsFromTheDeclaredDefaultsAndSetsByName() {
        assertEquals(new Unit(16, true, 100), ParameterBuilder.defaults(Unit.class, PARAMS).build());
        assertEquals(new Unit(8, true, 5), ParameterBuilder.defaults(Unit.class, PARAMS).set("widthBits", 8)
                .set("latencyNs", 5L).build());
        Unit u = new Unit(4, false, 7);
        assertEquals(u, ParameterBuilder.from(u, PARAMS).build());
        assertEquals(new Unit(4, true, 7), ParameterBuilder.from(u, PARAMS).set("coherent", true).build());
    }

    @Test
    void refusesUnknownNamesWrongTypesAndWhatTheRecordRefuses() {
        var b = ParameterBuilder.defaults(Unit.class, PARAMS);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.set("width", 8)).getMessage().contains("no Unit parameter named width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.set("latencyNs", 5)).getMessage().contains("needs a Long"));
        assertEquals("widthBits must be >= 1", assertThrows(IllegalArgumentException.class,
                () -> b.set("widthBits", 0).build()).getMessage());
    }

    @Test
    void descriptorsMustNameTheComponentsInOrder() {
        List<ModelParameter<?>> swapped = List.of(PARAMS.get(1), PARAMS.get(0), PARAMS.get(2));
        assertThrows(IllegalArgumentException.class, () -> ParameterBuilder.defaults(Unit.class, swapped));
        assertThrows(IllegalArgumentException.class, () -> ParameterBuilder.defaults(Unit.class, PARAMS.subList(0, 2)));
    }
}
