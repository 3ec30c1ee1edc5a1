package dev.kdumpsim.kernel.machine;

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

    public enum Kind { PANIC, FLR, SBR, CONFIG_WRITE, RUN_UNTIL }

    public static TimelineEvent panic(long atNs) {
        return new TimelineEvent(Kind.PANIC, atNs, false, -1, 0, 0, 0);
    }

    public static TimelineEvent runUntil(long atNs, boolean kdumpClock) {
        return new TimelineEvent(Kind.RUN_UNTIL, atNs, kdumpClock, -1, 0, 0, 0);
    }
}
