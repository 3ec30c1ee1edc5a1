package dev.kdumpsim.pcie;

import java.util.List;

/**
 * How an endpoint reacts to errors on its own requests: named data, selected per device.
 *
 * @param name profile name used in scenarios
 * @param abortedCompletion what the function does with a completion carrying UR/CA
 * @param wedgeAfterErrors after this many errors (aborted completions and completion timeouts)
 *     the function is wedged: it stops DMA and ignores re-programming until FLR or hot reset;
 *     0 = never
 * @param description one line for docs and schema
 */
public record EndpointErrorProfile(String name, AbortedCompletionHandling abortedCompletion, int wedgeAfterErrors,
        String description) {

    /** What a function does with a UR/CA completion for its read. */
    public enum AbortedCompletionHandling {
        /**
         * As the spec says (PCIe r4.0 §6.2.3.2.5, §7.5.1.1.4): set Status Received Master Abort (UR)
         * or Received Target Abort (CA); the completer logs UR/CA in its own AER.
         */
        RECORD_RECEIVED_ABORT,
        /**
         * The 2018 report's device: its receiver flags the completion as a Malformed TLP (AER
         * uncorrectable bit 18) and logs the completion's header, as
         * {@code TLP Header: 0a00a000 00008100 01010100 00000000} shows.
         */
        MALFORMED_TLP
    }

    /** A spec-conforming device that never wedges. */
    public static final EndpointErrorProfile NORMAL = new EndpointErrorProfile("normal",
            AbortedCompletionHandling.RECORD_RECEIVED_ABORT, 0,
            "records received UR/CA in Status, completion timeouts in AER; never wedges");

    /** The report's adapter: Malformed TLP on CA/UR completions, wedged after 8 errors. */
    public static final EndpointErrorProfile DEFECTIVE_COMPLETION = new EndpointErrorProfile("defective-completion",
            AbortedCompletionHandling.MALFORMED_TLP, 8,
            "logs Malformed TLP with the completion's header for UR/CA completions; wedged after K errors");

    public EndpointErrorProfile {
        if (wedgeAfterErrors < 0) {
            throw new IllegalArgumentException("wedgeAfterErrors must be >= 0 (0 = never)");
        }
    }

    /** Same profile with another wedge threshold. */
    public EndpointErrorProfile withWedgeAfterErrors(int k) {
        return new EndpointErrorProfile(name, abortedCompletion, k, description);
    }

    /** Built-in profiles. */
    public static List<EndpointErrorProfile> builtIn() {
        return List.of(NORMAL, DEFECTIVE_COMPLETION);
    }

    /** A built-in profile by name. */
    public static EndpointErrorProfile byName(String name) {
        for (EndpointErrorProfile p : builtIn()) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown endpoint error profile '" + name + "' (known: normal, defective-completion)");
    }
}
