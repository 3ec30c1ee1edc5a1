package dev.kdumpsim.vtd;

/**
 * One build-time parameter of a DMAR unit: the single place its name, default and meaning are
 * declared. {@link VtdParameters#DESCRIPTORS} lists them in record-component order, so a scenario
 * schema (or documentation) can be generated from the list.
 *
 * @param name the {@link VtdParameters} component name; a unit suffix ({@code Ns}, {@code Bits},
 *     {@code Bytes}) names the unit
 * @param type {@code Integer.class}, {@code Long.class} or {@code Boolean.class}
 * @param defaultValue the default
 * @param description one line, with the spec field it sets
 */
public record VtdParameter<T>(String name, Class<T> type, T defaultValue, String description) {
}
