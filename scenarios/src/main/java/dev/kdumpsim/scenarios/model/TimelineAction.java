package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.machine.TimelineEvent;

import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.Optional;

/** One action at a simulated time. */
@Doc("An action at a time: panic, flr/sbr/config-write on a device, run-until")
public record TimelineAction(
        @Doc(value = "When, on the chosen kernel's clock", required = true) SimDuration at,
        @Doc(value = "Whose log clock 'at' is measured on", dflt = "first") KernelClock clock,
        @Doc(value = "What happens", required = true) TimelineEvent.Kind action,
        @Doc("Target BDF (flr, sbr, config-write)") Optional<Bdf> device,
        @Doc("Config-space offset (config-write)") Optional<Long> offset,
        @Doc("Value written (config-write)") Optional<Long> value,
        @Doc(value = "Bytes written: 1, 2 or 4 (config-write)", dflt = "4") int width) {
}
