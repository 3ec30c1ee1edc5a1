package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.scenarios.model.Doc;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the binder needs of one model record, read by reflection once per class.
 *
 * <p>Why a cache: {@link Class#getRecordComponents()} returns fresh {@link RecordComponent}
 * objects on every call, and each fresh object parses its annotations and generic signature
 * again when asked; a sweep binds the same dozens of record types for every variant, and that
 * parsing was the largest single cost of loading a file (JFR, the bundled sweep).
 */
final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    final RecordComponent[] components;
    final String[] names;
    final Type[] genericTypes;
    final Class<?>[] rawTypes;
    /** Each component's {@code @Doc}, null where a component has none (refused when bound). */
    final Doc[] docs;
    /** The component collecting keys naming no other component, or -1. */
    final int otherKeys;
    final List<String> componentNames;
    final List<String> keyNames;
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private final Constructor<?> constructor;

    private RecordShape(Class<?> type) {
        components = type.getRecordComponents();
        int n = components.length;
        names = new String[n];
        genericTypes = new Type[n];
        rawTypes = new Class<?>[n];
        docs = new Doc[n];
        int others = -1;
        for (int i = 0; i < n; i++) {
            RecordComponent rc = components[i];
            names[i] = rc.getName();
            genericTypes[i] = rc.getGenericType();
            rawTypes[i] = rc.getType();
            docs[i] = rc.getAnnotation(Doc.class);
            if (docs[i] != null && docs[i].otherKeys() && others < 0) {
                others = i;
            }
        }
        otherKeys = others;
        componentNames = List.of(names);
        List<String> keys = new ArrayList<>(componentNames);
        if (others >= 0) {
            keys.remove(names[others]);
        }
        keyNames = Collections.unmodifiableList(keys);
        for (String k : keyNames) {
            keyIndex.put(k, componentNames.indexOf(k));
        }
        try {
            constructor = type.getDeclaredConstructor(rawTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record without canonical constructor: " + type, e);
        }
    }

    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The index of the component a mapping key names, or -1 (the other-keys component is not a key). */
    int indexOfKey(String key) {
        Integer i = keyIndex.get(key);
        return i == null ? -1 : i;
    }

    Doc doc(int i) {
        if (docs[i] == null) {
            throw new IllegalStateException("scenario field without @Doc: " + components[i]);
        }
        return docs[i];
    }

    Constructor<?> constructor() {
        return constructor;
    }
}
