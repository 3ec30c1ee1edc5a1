package dev.kdumpsim.scenarios.importer;

import java.util.List;

/** The rules an import runs, fresh for each import (some keep state across lines). */
final class Rules {

    private Rules() {
    }

    static List<Rule> fresh() {
        return List.of(new ArchRule(), new KernelVersionRule(), new CommandLineRule(), new CrashkernelRule(), new DramRule(), new SmmuIdentityRule(),
                new SmmuEventRule(), new DmarRule(), new DeviceRule(), new AerFirmwareFirstRule(), new AerNativeRule(), new CperRule(),
                new PanicRule());
    }
}
