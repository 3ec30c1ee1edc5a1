package dev.kdumpsim.kernel.version;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.Map;

/**
 * The version-dependent behaviours of one kernel: of its release, looked up in the
 * {@link VersionTable}, or, for a scenario that names no release, the values its driver policy
 * implies (the behaviour of the wave-1 model, kept so that files without a version run as before).
 */
@KernelApi
public final class KernelVersion {

    private final KernelRelease release;
    private final Map<Behaviour<?>, Object> overrides;

    private KernelVersion(KernelRelease release, Map<Behaviour<?>, Object> overrides) {
        this.release = release;
        this.overrides = Map.copyOf(overrides);
    }

    /** A kernel of {@code release}. */
    public static KernelVersion of(KernelRelease release) {
        return new KernelVersion(release, Map.of());
    }

    /**
     * A kernel with no release named: 4.16's table values except {@code implied}, the values the
     * scenario's driver policy stands for.
     */
    public static KernelVersion unnamed(Map<Behaviour<?>, Object> implied) {
        return new KernelVersion(null, implied);
    }

    /** The release, or null when the scenario named none. */
    public KernelRelease release() {
        return release;
    }

    /** The value of {@code b} in this kernel. */
    @SuppressWarnings("unchecked")
    public <T> T get(Behaviour<T> b) {
        if (overrides.containsKey(b)) {
            return (T) overrides.get(b);
        }
        return VersionTable.at(b, release == null ? KernelRelease.of(4, 16, 0) : release);
    }
}
