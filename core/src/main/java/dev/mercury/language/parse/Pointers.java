package dev.mercury.language.parse;

/** JSON pointer (RFC 6901) spelling of a key. */
public final class Pointers {
  private Pointers() {}

  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
