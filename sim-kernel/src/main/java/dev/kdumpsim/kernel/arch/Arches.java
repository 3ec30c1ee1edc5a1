package dev.kdumpsim.kernel.arch;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.List;

/** The architectures the model knows, by {@code platform.arch} name. */
@KernelApi
public final class Arches {

    /** The default architecture (the 2018 report's machine). */
    public static final Arch ARM64 = Arm64.INSTANCE;

    /** x86_64 (crashkernel below 4 GiB, MSIs to 0xfee00000, a silent crash path). */
    public static final Arch X86_64 = dev.kdumpsim.kernel.arch.X86_64.INSTANCE;

    private static final List<Arch> ALL = List.of(ARM64, X86_64);

    private Arches() {
    }

    /** Every architecture's name, in a stable order. */
    public static List<String> names() {
        return ALL.stream().map(Arch::name).toList();
    }

    /** The architecture called {@code name}, or an IllegalArgumentException listing the known ones. */
    public static Arch byName(String name) {
        for (Arch a : ALL) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + String.join(", ", names()));
    }
}
