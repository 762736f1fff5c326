package dev.mercury.language.validate;

/**
 * One problem in a state machine definition.
 *
 * @param pointer the RFC 6901 JSON pointer of the offending value, such as {@code
 *     /States/Hello/Next}; for a missing field, the pointer the field would have; for a rule about
 *     several fields at once (a Wait state without any wait time), the pointer of their object
 * @param line the 1-based line where the offending value starts; for a missing field, where the
 *     object that lacks it starts; for an unknown or duplicate field, where its key starts
 * @param column the 1-based column, counted like {@code line}
 * @param code a short, stable kebab-case identifier of the rule, such as {@code missing-target}
 * @param message a sentence for a person that names the state and the field
 */
public record Diagnostic(String pointer, int line, int column, String code, String message) {}
