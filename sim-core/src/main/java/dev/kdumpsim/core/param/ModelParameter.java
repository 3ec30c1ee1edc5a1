package dev.kdumpsim.core.param;

/**
 * One build-time parameter of a hardware model: the single place its name, type, default and
 * meaning are declared. A model's parameter record lists its descriptors in record-component
 * order, so builders, scenario schemas and documentation are generated from one list.
 *
 * @param name the record component's name; a unit suffix ({@code Ns}, {@code Bits}, {@code Bytes},
 *     {@code Log2}) names the unit
 * @param type {@code Integer.class}, {@code Long.class} or {@code Boolean.class}
 * @param defaultValue the default
 * @param description one line, with the register field or spec section it sets
 */
public record ModelParameter<T>(String name, Class<T> type, T defaultValue, String description) {

    public ModelParameter {
        if (!type.isInstance(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not a " + type.getSimpleName());
        }
    }

    public static <T> ModelParameter<T> of(String name, Class<T> type, T defaultValue, String description) {
        return new ModelParameter<>(name, type, defaultValue, description);
    }
}
