package dev.mercury.api;

/** What the HTTP trigger answers: a status code and a JSON body. */
public record ApiResponse(int status, String body) {
  public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
}
