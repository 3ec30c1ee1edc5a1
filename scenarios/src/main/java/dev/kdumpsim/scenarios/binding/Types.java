package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.core.SpecNamed;
import dev.kdumpsim.scenarios.model.Doc;
import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.ByteSize;
import dev.kdumpsim.scenarios.value.Fraction;
import dev.kdumpsim.scenarios.value.HexValue;
import dev.kdumpsim.scenarios.value.IommuDriverName;
import dev.kdumpsim.scenarios.value.LogPattern;
import dev.kdumpsim.scenarios.value.PhysAddr;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario format's type system, read from the model records by reflection: records are
 * YAML mappings with exactly their component names as keys, {@code List} a sequence,
 * {@code Map<String,T>} a mapping with free keys, {@code Optional} an omittable key, enums
 * implementing {@link SpecNamed} a closed set of names, and the typed values strings with a syntax.
 * Shared by the binder, the {@code --set} resolver and the JSON Schema generator.
 */
public final class Types {

    /** Typed values: parsed from a string by their static {@code parse(String)}. */
    public static final List<Class<?>> TYPED_VALUES = List.of(PhysAddr.class, ByteSize.class, Bdf.class, SimDuration.class, LogPattern.class,
            IommuDriverName.class, HexValue.class, Fraction.class);

    private Types() {
    }

    public static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        return (Class<?>) ((ParameterizedType) t).getRawType();
    }

    public static Type arg(Type t, int i) {
        return ((ParameterizedType) t).getActualTypeArguments()[i];
    }

    public static boolean isOptional(Type t) {
        return raw(t) == Optional.class;
    }

    public static boolean isList(Type t) {
        return raw(t) == List.class;
    }

    public static boolean isMap(Type t) {
        return raw(t) == Map.class;
    }

    public static boolean isRecord(Type t) {
        return raw(t).isRecord() && !isTypedValue(t);
    }

    public static boolean isInteger(Type t) {
        Class<?> c = raw(t);
        return c == int.class || c == long.class || c == Integer.class || c == Long.class;
    }

    public static boolean isBoolean(Type t) {
        Class<?> c = raw(t);
        return c == boolean.class || c == Boolean.class;
    }

    public static boolean isSpecEnum(Type t) {
        return raw(t).isEnum() && SpecNamed.class.isAssignableFrom(raw(t));
    }

    public static boolean isTypedValue(Type t) {
        return TYPED_VALUES.contains(raw(t));
    }

    /** The names of an enum's constants as written in files. */
    public static List<String> specNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            names.add(((SpecNamed) c).specName());
        }
        return names;
    }

    public static List<String> componentNames(Class<?> record) {
        return new ArrayList<>(RecordShape.of(record).componentNames);
    }

    public static RecordComponent component(Class<?> record, String name) {
        RecordShape shape = RecordShape.of(record);
        int i = shape.componentNames.indexOf(name);
        return i < 0 ? null : shape.components[i];
    }

    /** The component of {@code record} that collects the keys naming no other component ({@code @Doc(otherKeys = true)}), or null. */
    public static RecordComponent otherKeys(Class<?> record) {
        RecordShape shape = RecordShape.of(record);
        return shape.otherKeys < 0 ? null : shape.components[shape.otherKeys];
    }

    /** The keys a record's mapping may name: its components, less the one collecting other keys. */
    public static List<String> keyNames(Class<?> record) {
        return new ArrayList<>(RecordShape.of(record).keyNames);
    }

    public static Doc doc(RecordComponent rc) {
        RecordShape shape = RecordShape.of(rc.getDeclaringRecord());
        int i = shape.componentNames.indexOf(rc.getName());
        return shape.doc(i);
    }

    /** An example of a typed value's syntax, for hints and the reference. */
    public static String syntaxExample(Class<?> typed) {
        if (typed == PhysAddr.class) {
            return "an address such as \"0x7fe00000\"";
        } else if (typed == ByteSize.class) {
            return "a size such as \"2GiB\", \"4KiB\" or \"0x1000\"";
        } else if (typed == Bdf.class) {
            return "a PCI address such as \"01:00.0\" or \"0000:01:00.0\"";
        } else if (typed == SimDuration.class) {
            return "a duration with unit such as \"7.018s\", \"100ms\", \"2us\", \"500ns\"";
        } else if (typed == IommuDriverName.class) {
            return "an IOMMU driver policy: one of " + String.join(", ", IommuDriverName.all());
        } else if (typed == HexValue.class) {
            return "a hex value such as \"0x8086\" or \"0x00062011\"";
        } else if (typed == Fraction.class) {
            return "a fraction from 0 to 1 such as 0.25";
        }
        return "a regular expression";
    }

    /** The JSON Schema pattern of a typed value's string form (null: any string). */
    public static String syntaxPattern(Class<?> typed) {
        if (typed == PhysAddr.class) {
            return "^\\s*(0[xX][0-9a-fA-F_]+|[0-9_]+)\\s*$";
        } else if (typed == ByteSize.class) {
            return "^\\s*(0[xX][0-9a-fA-F_]+|[0-9_]+\\s*([KMGTkmgt](i[Bb])?)?)\\s*$";
        } else if (typed == Bdf.class) {
            return "^\\s*([0-9a-fA-F]{1,4}:)?[0-9a-fA-F]{1,2}:[0-1]?[0-9a-fA-F]\\.[0-7]\\s*$";
        } else if (typed == SimDuration.class) {
            return "^\\s*[0-9_]+(\\.[0-9_]+)?\\s*(ns|us|µs|ms|s)\\s*$";
        } else if (typed == HexValue.class) {
            return "^\\s*0[xX][0-9a-fA-F_]+\\s*$";
        } else if (typed == Fraction.class) {
            return "^\\s*([0-9]+(\\.[0-9]+)?|\\.[0-9]+)\\s*$";
        }
        return null;
    }

    /** Pattern for integers written as strings (hex allowed). */
    public static final String INTEGER_PATTERN = "^\\s*(0[xX][0-9a-fA-F_]+|-?[0-9_]+)\\s*$";
}
