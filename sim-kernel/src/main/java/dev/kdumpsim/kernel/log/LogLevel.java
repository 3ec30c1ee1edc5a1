package dev.kdumpsim.kernel.log;

import dev.kdumpsim.kernel.api.KernelApi;

/** printk log levels, include/linux/kern_levels.h ({@code KERN_EMERG} "0" .. {@code KERN_DEBUG} "7"). */
@KernelApi
public enum LogLevel {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    /** The numeric level printed by {@code dmesg -r} as {@code <n>}. */
    public int number() {
        return ordinal();
    }
}
