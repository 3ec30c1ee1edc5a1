package dev.kdumpsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into {@code kdumpsim-version.properties}. */
public final class VersionProvider implements IVersionProvider {

    /** The project version, or "unknown" when run from unfiltered classes. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/kdumpsim-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kdumpsim " + version(), "Java " + System.getProperty("java.version")};
    }
}
