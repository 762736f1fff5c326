package dev.mercury.language.validate;

/** One problem in a definition, located by JSON pointer and line and column. */
public record Diagnostic(String pointer, int line, int column, String code, String message) {}
