package dev.kdumpsim.kernel.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks sim-kernel's facade (in a package of its own, so marking a type adds no package dependency): the types the modules above it (scenarios, cli) may use. Everything
 * else in sim-kernel is machinery; it is public only where another sim-kernel package needs it
 * (Java packages cannot share less without modules), and the cli's ArchitectureTest fails when
 * code outside sim-kernel reaches a type without this mark.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KernelApi {
}
