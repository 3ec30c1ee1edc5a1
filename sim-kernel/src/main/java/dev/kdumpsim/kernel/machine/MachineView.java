package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.driver.DeviceDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Read-only views of a machine for {@code kdumpsim explain}; nothing here changes state. */
final class MachineView {

    private MachineView() {
    }

    /** One line per driver of {@code kernels}: kernel, driver, mappings, lowest/highest IOVA. */
    static List<String> iovaUse(List<KernelInstance> kernels) {
        List<String> out = new ArrayList<>();
        for (KernelInstance k : kernels) {
            for (DeviceDriver d : k.drivers) {
                long[] span = d.iovaSpan();
                out.add(span.length == 0 ? k.ctx.id() + " " + d.devPrefix() + "no mappings"
                        : String.format(Locale.ROOT, "%s %s%d receive buffers + rings + MSI page, IOVA 0x%08x - 0x%08x",
                                k.ctx.id(), d.devPrefix(), d.bufferCount(), span[0], span[1]));
            }
        }
        return out;
    }
}
