package dev.mercury.api;

/**
 * An AWS Step Functions API error: its {@code __type} (such as {@code ExecutionDoesNotExist}) and
 * message, returned with HTTP 400.
 */
public final class ApiException extends RuntimeException {
  private final String type;

  public ApiException(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public String type() {
    return type;
  }

  static ApiException validation(String message) {
    return new ApiException("ValidationException", message);
  }

  static ApiException invalidArn(String arn) {
    return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
  }
}
