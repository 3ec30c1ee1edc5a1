package dev.kdumpsim.scenarios.importer;

import java.util.List;

/**
 * The architecture from lines only one of them prints: arm64 from arm-smmu-v3, GICv3, ttyAMA (the
 * PL011 console), {@code Booting Linux on physical CPU} (arch/arm64/kernel/setup.c,
 * smp_setup_processor_id) and {@code aarch64}; x86_64 from DMAR (drivers/iommu/dmar.c,
 * intel-iommu.c), the {@code x86/} prefixes (arch/x86: {@code x86/fpu:}, {@code x86/PAT:}) and
 * {@code x86_64}. Each line counts once; the writer takes the larger count.
 */
public final class ArchRule implements Rule {

    private static final List<String> ARM64 = List.of("arm-smmu-v3", "GICv3", "ttyAMA", "Booting Linux on physical CPU", "aarch64");
    private static final List<String> X86 = List.of("DMAR", "x86/", "x86_64", "intel_iommu");

    @Override
    public void apply(LogLine line, Facts facts) {
        String m = line.message();
        if (ARM64.stream().anyMatch(m::contains)) {
            facts.arm64Evidence++;
            if (facts.arm64Where == null) {
                facts.arm64Where = line.where();
            }
        } else if (X86.stream().anyMatch(m::contains)) {
            facts.x86Evidence++;
            if (facts.x86Where == null) {
                facts.x86Where = line.where();
            }
        }
    }
}
