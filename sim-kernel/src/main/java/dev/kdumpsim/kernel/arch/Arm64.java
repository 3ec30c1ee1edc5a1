package dev.kdumpsim.kernel.arch;

import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.mm.Arm64Crashkernel;
import dev.kdumpsim.kernel.mm.CrashkernelReservation;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.CrashkernelPlacement;
import dev.kdumpsim.kernel.version.KernelVersion;

/**
 * arm64: crashkernel placement of arch/arm64/mm/init.c (v4.19, {@link Arm64Crashkernel}), MSIs
 * to a GICv3 ITS, and the crash path of arch/arm64/kernel/machine_kexec.c.
 */
final class Arm64 implements Arch {

    static final Arm64 INSTANCE = new Arm64();

    /**
     * GICv3 ITS {@code GITS_TRANSLATER} doorbell the MSIs target (frame base + 0x10040, IHI0069
     * §12.19.9): a platform address outside DRAM on the 2018 report's machine.
     */
    static final long ITS_DOORBELL_PA = 0x0000_0800_0801_0040L;

    private Arm64() {
    }

    @Override
    public String name() {
        return "arm64";
    }

    @Override
    public CrashkernelReservation reserveCrashkernel(Memblock memblock, String cmdline, KernelVersion version,
            KernelLog log) {
        return Arm64Crashkernel.reserve(memblock, cmdline, version.get(Behaviours.ARM64_CRASHKERNEL), log);
    }

    @Override
    public long msiDoorbellPa() {
        return ITS_DOORBELL_PA;
    }

    /** v4.16 arch/arm64/kernel/machine_kexec.c {@code machine_crash_shutdown}: {@code pr_info("Starting crashdump kernel...\n")}. */
    @Override
    public void crashShutdown(KernelLog log) {
        log.printk(LogLevel.INFO, "Starting crashdump kernel...\n");
    }

    /** v4.16 arch/arm64/kernel/machine_kexec.c {@code machine_kexec}: {@code pr_info("Bye!\n")}. */
    @Override
    public void machineKexec(KernelLog log) {
        log.printk(LogLevel.INFO, "Bye!\n");
    }

    /**
     * {@code do_serror} -> {@code arm64_serror_panic} (arch/arm64/kernel/traps.c): a non-RAS or
     * fatal SError panics with "SError Interrupt on CPU%d, code 0x%08x -- %s" ({@code pr_crit},
     * the class string of EC 0x2f is "SError"), then the registers ({@code __show_regs}, not
     * modelled), then {@code nmi_panic(regs, "Asynchronous SError Interrupt")}. The kdump kernel
     * runs on CPU 0 (maxcpus=1).
     */
    @Override
    public String asynchronousErrorPanic(dev.kdumpsim.kernel.log.ConsolePrinter out, int esr) {
        out.print(dev.kdumpsim.kernel.log.LogLevel.CRIT, "", "SError Interrupt on CPU%d, code 0x%08x -- %s\n", 0, esr, "SError");
        return "Asynchronous SError Interrupt";
    }
}
