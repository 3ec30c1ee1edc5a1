package dev.kdumpsim.kernel;

/** {@code panic(fmt)} (kernel/panic.c) for a subsystem that decides the kernel cannot go on. */
@FunctionalInterface
public interface KernelPanic {

    /**
     * @param message what panic() prints after "Kernel panic - not syncing: "
     * @param timeoutSeconds the {@code panic_timeout} in force (GHES sets 30 when it was 0)
     */
    void panic(String message, int timeoutSeconds);
}
