package dev.kdumpsim.kernel.arch;

import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.mm.CrashkernelReservation;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.mm.X86Crashkernel;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.KernelVersion;

/**
 * x86_64: crashkernel placement of arch/x86/kernel/setup.c ({@link X86Crashkernel}, per release),
 * MSIs to the local APIC's interrupt address range, and a crash path that prints nothing.
 *
 * <p>Not modelled: the e820 map itself (a {@code DramLayout} with banks below the PCI hole and
 * above 4 GiB stands for its usable ranges), the low 1 MiB, KASLR.
 */
final class X86_64 implements Arch {

    static final X86_64 INSTANCE = new X86_64();

    /**
     * MSI address of the local APIC ({@code MSI_ADDR_BASE_LO 0xfee00000},
     * arch/x86/include/asm/msidef.h): a write to 0xFEEx_xxxx is an interrupt request, which
     * VT-d does not DMA-remap (VT-d 3.14) and the IOMMU drivers keep out of every IOVA space
     * ({@code IOAPIC_RANGE_START}).
     */
    static final long MSI_ADDRESS_BASE = 0xfee0_0000L;

    private X86_64() {
    }

    @Override
    public String name() {
        return "x86_64";
    }

    @Override
    public CrashkernelReservation reserveCrashkernel(Memblock memblock, String cmdline, KernelVersion version,
            KernelLog log) {
        return X86Crashkernel.reserve(memblock, cmdline, version.get(Behaviours.X86_CRASHKERNEL), log);
    }

    @Override
    public long msiDoorbellPa() {
        return MSI_ADDRESS_BASE;
    }

    /** Interrupt requests are not DMA: drivers program the APIC address itself, never an IOVA. */
    @Override
    public boolean msiMappedThroughIommu() {
        return false;
    }

    /**
     * arch/x86/kernel/crash.c {@code native_machine_crash_shutdown}: stops the other CPUs (NMI),
     * disables the local APICs and IOAPIC, {@code hpet_disable}; it prints nothing, and it leaves
     * the IOMMU enabled (the {@code x86_platform.iommu_shutdown} hook only exists for AMD).
     */
    @Override
    public void crashShutdown(KernelLog log) {
    }

    /** arch/x86/kernel/machine_kexec_64.c {@code machine_kexec}: no message before {@code relocate_kernel}. */
    @Override
    public void machineKexec(KernelLog log) {
    }
}
