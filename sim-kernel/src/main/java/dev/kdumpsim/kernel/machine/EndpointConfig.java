package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.pcie.EndpointParams;

/**
 * An endpoint device: function 0's BDF, the BDF of the port above it (a root port or a switch's
 * downstream port), and its parameters.
 */
@KernelApi
public record EndpointConfig(int bdf, int portBdf, EndpointParams params) {
}
