package dev.kdumpsim.cli.common;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --seed} takes what a scenario's {@code seed:} takes (the scenario loader's integer
 * syntax): a decimal or {@code 0x}/{@code 0X} hex 64-bit integer, optionally with {@code _}
 * separators, e.g. {@code 42}, {@code -3}, {@code 0x2a}, {@code 1_000}.
 */
public final class SeedConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        String s = text.strip().replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a seed (write a decimal or 0x-hex integer, e.g. 42 or 0x2a)");
        }
    }
}
