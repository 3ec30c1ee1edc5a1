package dev.kdumpsim.kernel.version;

/**
 * One kernel behaviour that changed between releases, as a typed key of the
 * {@link VersionTable}: its name, what it is, and its value in the oldest release the table
 * covers ({@link VersionTable#OLDEST}). Later values come from the table's rows.
 *
 * @param <T> the behaviour's value type
 */
public final class Behaviour<T> {

    private final String name;
    private final String description;
    private final T baseline;

    Behaviour(String name, String description, T baseline) {
        this.name = name;
        this.description = description;
        this.baseline = baseline;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The value in the oldest release covered. */
    public T baseline() {
        return baseline;
    }

    @Override
    public String toString() {
        return name;
    }
}
