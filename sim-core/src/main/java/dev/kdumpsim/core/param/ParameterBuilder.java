package dev.kdumpsim.core.param;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Builds a model's parameter record from its {@link ModelParameter} list: starts from the
 * declared defaults (or from an existing record), sets parameters by name with their type checked,
 * and calls the record's canonical constructor, whose checks then run as usual. One builder for
 * every model, instead of a hand-written positional constructor call per model and per "with"
 * method.
 *
 * @param <R> the parameter record type
 */
public class ParameterBuilder<R extends Record> {

    private final Class<R> type;
    private final List<ModelParameter<?>> descriptors;
    private final Object[] values;

    private ParameterBuilder(Class<R> type, List<ModelParameter<?>> descriptors, Object[] values) {
        this.type = type;
        this.descriptors = descriptors;
        this.values = values;
    }

    /** For a model's builder that adds typed setters: continues from {@code start}'s values. */
    protected ParameterBuilder(ParameterBuilder<R> start) {
        this(start.type, start.descriptors, start.values.clone());
    }

    /** From the defaults; {@code descriptors} must name {@code type}'s components, in order. */
    public static <R extends Record> ParameterBuilder<R> defaults(Class<R> type, List<ModelParameter<?>> descriptors) {
        RecordComponent[] rc = type.getRecordComponents();
        if (rc.length != descriptors.size()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + rc.length + " components, "
                    + descriptors.size() + " descriptors");
        }
        Object[] v = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            ModelParameter<?> d = descriptors.get(i);
            if (!rc[i].getName().equals(d.name()) || box(rc[i].getType()) != d.type()) {
                throw new IllegalArgumentException(type.getSimpleName() + " component " + i + " is " + rc[i].getName()
                        + ", descriptor says " + d.name());
            }
            v[i] = d.defaultValue();
        }
        return new ParameterBuilder<>(type, descriptors, v);
    }

    /** From {@code current}'s values. */
    public static <R extends Record> ParameterBuilder<R> from(R current, List<ModelParameter<?>> descriptors) {
        @SuppressWarnings("unchecked")
        ParameterBuilder<R> b = defaults((Class<R>) current.getClass(), descriptors);
        RecordComponent[] rc = current.getClass().getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
            try {
                b.values[i] = rc[i].getAccessor().invoke(current);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + rc[i].getName(), e);
            }
        }
        return b;
    }

    /** Sets parameter {@code name}; an unknown name or a value of another type is refused. */
    public ParameterBuilder<R> set(String name, Object value) {
        for (int i = 0; i < values.length; i++) {
            ModelParameter<?> d = descriptors.get(i);
            if (d.name().equals(name)) {
                if (!d.type().isInstance(value)) {
                    throw new IllegalArgumentException(name + " needs a " + d.type().getSimpleName() + ", got " + value);
                }
                values[i] = value;
                return this;
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " parameter named " + name);
    }

    /** The record; its canonical constructor's checks throw {@link IllegalArgumentException}. */
    public R build() {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(values.clone());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(type.getSimpleName() + " constructor failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
        }
    }

    private static Class<?> box(Class<?> c) {
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        return c == boolean.class ? Boolean.class : c;
    }
}
