package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.List;

/**
 * A PCIe switch: its upstream port's BDF (device 0 on the link of the port above), the port
 * above it (a root port or another switch's downstream port), and its downstream ports' BDFs (on
 * the switch's internal bus).
 */
@KernelApi
public record SwitchConfig(int upstreamPortBdf, int parentPortBdf, List<Integer> downstreamPortBdfs) {

    public SwitchConfig {
        downstreamPortBdfs = List.copyOf(downstreamPortBdfs);
    }
}
