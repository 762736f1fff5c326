package dev.mercury.language.model;

/** The comparison operators of Choice rules, without their {@code Path} suffix. */
public enum Operator {
  StringEquals,
  StringLessThan,
  StringGreaterThan,
  StringLessThanEquals,
  StringGreaterThanEquals,
  StringMatches,
  NumericEquals,
  NumericLessThan,
  NumericGreaterThan,
  NumericLessThanEquals,
  NumericGreaterThanEquals,
  BooleanEquals,
  TimestampEquals,
  TimestampLessThan,
  TimestampGreaterThan,
  TimestampLessThanEquals,
  TimestampGreaterThanEquals,
  IsNull,
  IsPresent,
  IsNumeric,
  IsString,
  IsBoolean,
  IsTimestamp;

  /** The operator a rule field names, with or without its Path suffix, or null. */
  public static Operator byField(String field) {
    String name = field.endsWith("Path") ? field.substring(0, field.length() - 4) : field;
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean isTypeTest() {
    return name().startsWith("Is");
  }
}
