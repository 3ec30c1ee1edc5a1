package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.pcie.EndpointParams;

/**
 * An endpoint device: function 0's BDF, the BDF of the root port above it, and its parameters.
 */
public record EndpointConfig(int bdf, int rootPortBdf, EndpointParams params) {
}
