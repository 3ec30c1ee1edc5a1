package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.core.SpecNamed;
import dev.kdumpsim.kernel.api.KernelApi;

/**
 * A scheduled action. Times are on one kernel's clock: kernel #1's ({@code kdumpClock = false},
 * simulation time) or the kdump kernel's (0 at its boot).
 *
 * @param kind what happens
 * @param atNs when
 * @param kdumpClock whether {@code atNs} is on the kdump kernel's clock
 * @param bdf target function or bridge (FLR, SBR, CONFIG_WRITE)
 * @param offset config offset (CONFIG_WRITE)
 * @param value value written (CONFIG_WRITE)
 * @param width bytes written: 1, 2 or 4 (CONFIG_WRITE)
 */
@KernelApi
public record TimelineEvent(Kind kind, long atNs, boolean kdumpClock, int bdf, int offset, int value, int width) {

    /** What a timeline action does; the names are the scenario format's ({@code timeline[].action}). */
    public enum Kind implements SpecNamed {
        PANIC("panic", "kernel #1 panics: __crash_kexec, machine_crash_shutdown, the kdump kernel boots"),
        FLR("flr", "Function Level Reset of device (PCIe 6.6.2)"),
        SBR("sbr", "Secondary Bus Reset of the bus below device's upstream port (or below device if it is a port)"),
        CONFIG_WRITE("config-write", "write value (width bytes) at config-space offset of device"),
        RUN_UNTIL("run-until", "stop the simulation at this time");

        private final String specName;
        private final String description;

        Kind(String specName, String description) {
            this.specName = specName;
            this.description = description;
        }

        @Override
        public String specName() {
            return specName;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public static TimelineEvent panic(long atNs) {
        return new TimelineEvent(Kind.PANIC, atNs, false, -1, 0, 0, 0);
    }

    public static TimelineEvent runUntil(long atNs, boolean kdumpClock) {
        return new TimelineEvent(Kind.RUN_UNTIL, atNs, kdumpClock, -1, 0, 0, 0);
    }
}
