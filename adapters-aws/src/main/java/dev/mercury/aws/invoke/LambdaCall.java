package dev.mercury.aws.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * One call of the Lambda Invoke API, read from a Task's resource and effective input, in either
 * form Step Functions accepts:
 *
 * <ul>
 *   <li>the function's ARN, {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}: the
 *       input is the payload, and the result is the function's reply as it is;
 *   <li>{@code arn:aws:states:::lambda:invoke}: the input holds {@code FunctionName}, {@code
 *       Payload}, {@code InvocationType}, {@code Qualifier}, {@code ClientContext} and {@code
 *       LogType}, and the result wraps the reply with its status and HTTP metadata.
 * </ul>
 *
 * @param region the region named by the function's ARN, or null to use the connection's
 * @param payload null to send none
 */
record LambdaCall(
    boolean integration,
    String functionName,
    String region,
    String qualifier,
    String invocationType,
    String clientContext,
    String logType,
    SdkBytes payload) {

  private static final Set<String> PARAMETERS =
      Set.of("FunctionName", "Payload", "InvocationType", "Qualifier", "ClientContext", "LogType");
  private static final Set<String> INVOCATION_TYPES = Set.of("RequestResponse", "Event", "DryRun");

  /** Reads the call; throws {@link IllegalArgumentException} with AWS's kind of message. */
  static LambdaCall of(String resource, JsonNode input) {
    String[] arn = resource.split(":", -1);
    if (arn.length >= 7 && arn[0].equals("arn") && arn[2].equals("lambda")) {
      if (!arn[5].equals("function") || arn.length > 8) {
        throw new IllegalArgumentException("'" + resource + "' is not a Lambda function's ARN.");
      }
      return new LambdaCall(false, resource, arn[3], null, null, null, null, json(input));
    }
    if (arn.length == 7 && arn[0].equals("arn") && arn[2].equals("states") && isInvoke(arn)) {
      return integration(input);
    }
    if (resource.contains(":lambda:invoke.")) {
      throw new IllegalArgumentException(
          "'" + resource + "' is not supported yet: only lambda:invoke, without a suffix.");
    }
    throw new IllegalArgumentException(
        "The aws-lambda invoker does not handle the resource '"
            + resource
            + "'; it handles Lambda function ARNs and arn:aws:states:::lambda:invoke.");
  }

  private static boolean isInvoke(String[] arn) {
    return arn[3].isEmpty()
        && arn[4].isEmpty()
        && arn[5].equals("lambda")
        && arn[6].equals("invoke");
  }

  private static LambdaCall integration(JsonNode input) {
    if (input == null || !input.isObject()) {
      throw new IllegalArgumentException(
          "The parameters of lambda:invoke must be an object, not " + Json.typeName(input) + ".");
    }
    for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PARAMETERS.contains(name)) {
        throw new IllegalArgumentException(
            "The field '" + name + "' is not supported by lambda:invoke.");
      }
    }
    String functionName = text(input, "FunctionName");
    if (functionName == null) {
      throw new IllegalArgumentException("lambda:invoke needs the parameter FunctionName.");
    }
    String invocationType = text(input, "InvocationType");
    if (invocationType != null && !INVOCATION_TYPES.contains(invocationType)) {
      throw new IllegalArgumentException(
          "InvocationType must be RequestResponse, Event or DryRun, not '" + invocationType + "'.");
    }
    return new LambdaCall(
        true,
        functionName,
        regionOf(functionName),
        text(input, "Qualifier"),
        invocationType,
        text(input, "ClientContext"),
        text(input, "LogType"),
        payload(input.get("Payload")));
  }

  /** Step Functions sends a text Payload as the text itself, anything else as its JSON. */
  private static SdkBytes payload(JsonNode payload) {
    if (payload == null) {
      return null;
    }
    if (payload.isTextual()) {
      return SdkBytes.fromString(payload.textValue(), StandardCharsets.UTF_8);
    }
    return json(payload);
  }

  private static SdkBytes json(JsonNode value) {
    return SdkBytes.fromString(
        Json.write(value == null ? Json.NODES.nullNode() : value), StandardCharsets.UTF_8);
  }

  private static String regionOf(String functionName) {
    String[] arn = functionName.split(":", -1);
    return arn.length >= 7 && arn[0].equals("arn") && !arn[3].isEmpty() ? arn[3] : null;
  }

  private static String text(JsonNode input, String field) {
    JsonNode value = input.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "The parameter " + field + " must be a string, not " + Json.typeName(value) + ".");
    }
    return value.textValue();
  }

  boolean asynchronous() {
    return "Event".equals(invocationType);
  }

  /** The SDK's request, limited to {@code timeout} when there is one. */
  InvokeRequest request(Duration timeout) {
    InvokeRequest.Builder request =
        InvokeRequest.builder()
            .functionName(functionName)
            .qualifier(qualifier)
            .invocationType(invocationType)
            .clientContext(clientContext)
            .logType(logType)
            .payload(payload);
    if (timeout != null) {
      request.overrideConfiguration(o -> o.apiCallTimeout(timeout));
    }
    return request.build();
  }
}
