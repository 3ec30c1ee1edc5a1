package dev.kdumpsim.scenarios.importer;


/**
 * The crash: {@code Kernel panic - not syncing: ...} (kernel/panic.c, panic) and the kexec into
 * the kdump kernel, {@code Starting crashdump kernel...} (arm64 machine_kexec,
 * arch/arm64/kernel/machine_kexec.c).
 */
public final class PanicRule implements Rule {

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (msg.startsWith("Kernel panic - not syncing")) {
            if (facts.panic == null) {
                facts.panic = line;
            }
            facts.distinctive(line, "panic");
        } else if (msg.startsWith("Starting crashdump kernel")) {
            facts.distinctive(line, "panic");
        }
    }
}
