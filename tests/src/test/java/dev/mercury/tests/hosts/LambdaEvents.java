package dev.mercury.tests.hosts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** HTTP events as Lambda delivers them, payload format 2.0. */
final class LambdaEvents {
  static final String URL_HOST = "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws";
  static final String API_HOST = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com";

  private LambdaEvents() {}

  /** A Function URL request: base64 body, lower-case headers, account "anonymous". */
  static String functionUrl(SignedCall call) {
    ObjectNode event = base(call, URL_HOST, "anonymous");
    event.put(
        "body", Base64.getEncoder().encodeToString(call.body().getBytes(StandardCharsets.UTF_8)));
    event.put("isBase64Encoded", true);
    return Json.write(event);
  }

  /** An API Gateway HTTP API request with the default route: a plain text body. */
  static String httpApi(SignedCall call) {
    ObjectNode event = base(call, API_HOST, "123456789012");
    event.put("body", call.body());
    event.put("isBase64Encoded", false);
    return Json.write(event);
  }

  private static ObjectNode base(SignedCall call, String host, String account) {
    ObjectNode event = Json.object();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", "/");
    event.put("rawQueryString", "");
    ObjectNode headers = event.putObject("headers");
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
    }
    headers.put("x-forwarded-proto", "https");
    headers.put("x-forwarded-port", "443");
    headers.put("x-amzn-trace-id", "Root=1-5f84c7a9-0e5b1e2f3a4b5c6d7e8f9a0b");
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", account);
    context.put("apiId", host.substring(0, host.indexOf('.')));
    context.put("domainName", host);
    context.put("domainPrefix", host.substring(0, host.indexOf('.')));
    ObjectNode http = context.putObject("http");
    http.put("method", "POST");
    http.put("path", "/");
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "203.0.113.7");
    http.put("userAgent", "aws-sdk-java/2.59.1");
    context.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    context.put("time", "04/Dec/2026:19:00:00 +0000");
    context.put("timeEpoch", System.currentTimeMillis());
    return event;
  }
}
