package dev.kdumpsim.scenarios.importer;

/**
 * One inference from console lines: each rule recognises a few message forms (quoted, with the
 * kernel source that prints them, in its class comment) and records what they say in
 * {@link Facts}. Rules see every line in input order; a rule may keep state across lines (a
 * record printed over several lines). Each rule checks a fixed substring before any regex, so
 * the cost per line is a few {@code String.contains}.
 */
public interface Rule {

    /** Reads {@code line} into {@code facts}. */
    void apply(LogLine line, Facts facts);
}
