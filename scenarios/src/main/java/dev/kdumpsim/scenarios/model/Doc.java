package dev.kdumpsim.scenarios.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documentation and default of a scenario field (or of a whole record type). The loader, the JSON
 * Schema generator and docs/scenario-reference.md all read it, so a field's description and
 * default are written exactly once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {

    /** One-line description. */
    String value();

    /**
     * The default, written as YAML (bound like a value in a file). Empty: no default — lists
     * default to empty, records to all their own defaults, {@code Optional}s to absent.
     */
    String dflt() default "";

    /** The key must be written. */
    boolean required() default false;

    /**
     * On a {@code Map<String, T>} component: the map is not a key of its own but collects every
     * key of the record's mapping that names no other component (so {@code seeds: 40} and rate
     * keys can sit side by side in {@code expect.rates}). At most one per record.
     */
    boolean otherKeys() default false;
}
