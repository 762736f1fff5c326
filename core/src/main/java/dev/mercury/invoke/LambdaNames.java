package dev.mercury.invoke;

/**
 * Compares Lambda function references the ways a Task may write them: a full ARN, an ARN with a
 * version or alias, a partial ARN ({@code 123456789012:function:name}) or a bare name.
 */
final class LambdaNames {
  private LambdaNames() {}

  static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    return functionName(a).equals(functionName(b))
        && (isBareName(a) || isBareName(b) || unqualified(a).equals(unqualified(b)));
  }

  /** The function's name inside any of the forms. */
  static String functionName(String reference) {
    int at = reference.indexOf(":function:");
    if (at < 0) {
      return reference;
    }
    String rest = reference.substring(at + ":function:".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  private static boolean isBareName(String reference) {
    return !reference.contains(":");
  }

  /** The ARN without a trailing version or alias. */
  private static String unqualified(String reference) {
    int at = reference.indexOf(":function:");
    if (at < 0) {
      return reference;
    }
    return reference.substring(0, at) + ":function:" + functionName(reference);
  }
}
