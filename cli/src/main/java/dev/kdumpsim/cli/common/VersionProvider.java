package dev.kdumpsim.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What build this is: the project version, the git commit and the build date, filtered by Maven
 * into {@code kdumpsim-version.properties} at build time. A value the build could not know (a
 * source tarball without {@code .git}, classes run unfiltered) reads "unknown".
 */
public final class VersionProvider implements IVersionProvider {

    /** The build's identity; {@link #version()} is what report.json carries today. */
    public record BuildInfo(String version, String commit, String buildDate) {
    }

    private static final String UNKNOWN = "unknown";
    private static final BuildInfo INFO = load();

    /** The project version, or "unknown" when run from unfiltered classes. */
    public static String version() {
        return INFO.version();
    }

    /** The git commit the jar was built from (its first 12 hex digits), or "unknown". */
    public static String commit() {
        return INFO.commit();
    }

    /** When the jar was built (ISO-8601, UTC), or "unknown". */
    public static String buildDate() {
        return INFO.buildDate();
    }

    /** All three, for a report that wants to carry them. */
    public static BuildInfo buildInfo() {
        return INFO;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/kdumpsim-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // all unknown
        }
        return new BuildInfo(value(p, "version"), value(p, "commit"), value(p, "buildDate"));
    }

    /** A missing, empty or unfiltered ({@code ${...}}) value is unknown. */
    static String value(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kdumpsim " + version() + " (commit " + commit() + ", built " + buildDate() + ")",
            "Java " + System.getProperty("java.version")};
    }
}
