/**
 * Validation of Amazon States Language definitions with located diagnostics, the engine of {@code
 * mercury validate}. {@link dev.mercury.language.validate.Validator} is the entry point and {@link
 * dev.mercury.language.validate.Diagnostic} what it returns; everything else is package-private.
 *
 * <p>Design: the text is read once into a JSON tree plus a map from JSON pointer to line and
 * column. Rules then walk {@code Site}s (a pointer, its value and the words naming its owner) and
 * add findings; no rule throws for a bad definition, and each rule checks a value only after the
 * value proved to have the right JSON type, so one mistake gives one diagnostic rather than a
 * cascade. The graph checks treat a state whose own hand-over is broken as able to end, for the
 * same reason. This package does no I/O and no logging.
 */
package dev.mercury.language.validate;
