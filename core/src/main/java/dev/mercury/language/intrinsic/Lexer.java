package dev.mercury.language.intrinsic;

import dev.mercury.language.intrinsic.Token.Kind;

/**
 * Splits an intrinsic function call into tokens, one at a time with one token of lookahead. A path
 * is one token, however many brackets and parentheses it holds (see {@link PathScan}).
 */
final class Lexer {
  private final String source;
  private int position;
  private Token peeked;

  Lexer(String source) {
    this.source = source;
  }

  Token peek() {
    if (peeked == null) {
      peeked = scan();
    }
    return peeked;
  }

  Token next() {
    Token token = peek();
    peeked = null;
    return token;
  }

  private Token scan() {
    skipBlanks();
    if (position >= source.length()) {
      return new Token(Kind.END, "", "", position);
    }
    char c = source.charAt(position);
    return switch (c) {
      case '(' -> single(Kind.OPEN);
      case ')' -> single(Kind.CLOSE);
      case ',' -> single(Kind.COMMA);
      case '\'' -> string();
      case '$' -> path();
      default -> {
        if (c == '-' || isDigit(c)) {
          yield number();
        }
        if (Character.isLetter(c)) {
          yield word();
        }
        throw ParseFailure.at("unexpected character '" + c + "'", position);
      }
    };
  }

  private void skipBlanks() {
    while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
      position++;
    }
  }

  private Token single(Kind kind) {
    int start = position++;
    String text = source.substring(start, position);
    return new Token(kind, text, text, start);
  }

  /**
   * A quoted literal. AWS reserves the escapes \' \{ \} and \\; any other backslash is an error.
   */
  private Token string() {
    int start = position++;
    StringBuilder value = new StringBuilder();
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\'') {
        position++;
        return new Token(Kind.STRING, source.substring(start, position), value.toString(), start);
      }
      if (c == '\\') {
        value.append(escaped());
      } else {
        value.append(c);
      }
      position++;
    }
    throw ParseFailure.at("unterminated string literal", start);
  }

  private char escaped() {
    int backslash = position++;
    if (position >= source.length()) {
      throw ParseFailure.at("a backslash must escape one of ' { } \\", backslash);
    }
    char c = source.charAt(position);
    if (c != '\'' && c != '{' && c != '}' && c != '\\') {
      throw ParseFailure.at("invalid escape sequence '\\" + c + "'", backslash);
    }
    return c;
  }

  private Token number() {
    int start = position;
    if (source.charAt(position) == '-') {
      position++;
    }
    requireDigits(start);
    if (position < source.length() && source.charAt(position) == '.') {
      position++;
      requireDigits(start);
    }
    if (position < source.length() && (source.charAt(position) | 0x20) == 'e') {
      position++;
      if (position < source.length() && "+-".indexOf(source.charAt(position)) >= 0) {
        position++;
      }
      requireDigits(start);
    }
    String text = source.substring(start, position);
    return new Token(Kind.NUMBER, text, text, start);
  }

  private void requireDigits(int numberStart) {
    int first = position;
    while (position < source.length() && isDigit(source.charAt(position))) {
      position++;
    }
    if (position == first) {
      throw ParseFailure.at("malformed number", numberStart);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A function name (States.X) or one of the literals true, false and null. */
  private Token word() {
    int start = position;
    while (position < source.length() && isWordPart(source.charAt(position))) {
      position++;
    }
    String text = source.substring(start, position);
    Kind kind =
        switch (text) {
          case "true" -> Kind.TRUE;
          case "false" -> Kind.FALSE;
          case "null" -> Kind.NULL;
          default -> {
            if (!text.startsWith("States.")) {
              throw ParseFailure.at("unexpected '" + text + "'", start);
            }
            yield Kind.FUNCTION_NAME;
          }
        };
    return new Token(kind, text, text, start);
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_';
  }

  private Token path() {
    PathScan scan = new PathScan(source, position);
    int end = scan.end();
    String text = source.substring(position, end);
    Token token = new Token(Kind.PATH, text, text, position);
    position = end;
    return token;
  }
}
