package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * {@code Linux version 4.16.0-rc1+ (user@host) (gcc ...) #1 SMP ...}: the banner init/main.c
 * prints from linux_banner (init/version.c); the release is the first word, as uname -r prints it.
 */
public final class KernelVersionRule implements Rule {

    private static final Pattern BANNER = Pattern.compile("^Linux version (\\S+)");

    @Override
    public void apply(LogLine line, Facts facts) {
        if (!line.message().startsWith("Linux version ")) {
            return;
        }
        Matcher m = BANNER.matcher(line.message());
        if (m.find() && !facts.versions.containsKey(line.kernel())) {
            facts.versions.put(line.kernel(), m.group(1));
            facts.versionLines.put(line.kernel(), line);
        }
    }
}
