package dev.kdumpsim.kernel.version;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel release as {@code uname -r} prints it: {@code 4.16.0}, {@code 4.19.50},
 * {@code 5.7.0-rc3+}, {@code 6.12.8-200.fc41.aarch64}. The numeric part orders releases; the
 * suffix (rc, local version, distribution build) is kept for display only. A release candidate
 * is treated as its release: what it contains was merged in the merge window before rc1.
 */
@KernelApi
public record KernelRelease(int major, int minor, int patch, String suffix) implements Comparable<KernelRelease> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,2})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?([-+~_.].*)?");

    public KernelRelease {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative release number");
        }
        suffix = suffix == null ? "" : suffix;
    }

    /** {@code major.minor.patch} without suffix. */
    public static KernelRelease of(int major, int minor, int patch) {
        return new KernelRelease(major, minor, patch, "");
    }

    /** Parses a release string; an IllegalArgumentException says what was expected. */
    public static KernelRelease parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a kernel release (expected e.g. 4.19.50,"
                    + " 5.7.0-rc3+ or 6.12.8-200.fc41.aarch64)");
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new KernelRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch, m.group(4));
    }

    /** The mainline release this one belongs to ({@code 4.19.50} → {@code 4.19}). */
    public KernelRelease line() {
        return of(major, minor, 0);
    }

    public boolean atLeast(KernelRelease other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KernelRelease o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    /** {@code 4.19} for a mainline release, {@code 4.19.50} for a stable one. */
    public String shortName() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + suffix;
    }
}
