package dev.mercury.language.intrinsic;

/**
 * One lexical unit of an intrinsic function call.
 *
 * @param kind what the token is
 * @param text the token exactly as written in the source
 * @param value for a string literal its text with escapes resolved; otherwise the same as text
 * @param offset where the token starts in the source, counted in characters from 0
 */
record Token(Kind kind, String text, String value, int offset) {

  enum Kind {
    FUNCTION_NAME,
    OPEN,
    CLOSE,
    COMMA,
    STRING,
    NUMBER,
    PATH,
    TRUE,
    FALSE,
    NULL,
    END
  }

  /** The string literal as written between its quotes, escapes still in place. */
  String rawString() {
    return text.substring(1, text.length() - 1);
  }
}
