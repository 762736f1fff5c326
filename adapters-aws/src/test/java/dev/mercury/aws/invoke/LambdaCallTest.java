package dev.mercury.aws.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.language.json.Json;
import org.junit.jupiter.api.Test;

class LambdaCallTest {
  private static LambdaCall call(String resource, String input) {
    return LambdaCall.of(resource, Json.parseTrusted(input));
  }

  @Test
  void of_functionArnInOtherPartition_keepsTheWholeArnAndItsRegion() {
    LambdaCall call = call("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:prod", "{}");

    assertThat(call.integration()).isFalse();
    assertThat(call.functionName())
        .isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:prod");
    assertThat(call.region()).isEqualTo("cn-north-1");
    assertThat(call.payload().asUtf8String()).isEqualTo("{}");
  }

  @Test
  void of_lambdaInvokeWithPlainName_leavesTheRegionToTheConnection() {
    LambdaCall call = call("arn:aws:states:::lambda:invoke", "{\"FunctionName\": \"f\"}");

    assertThat(call.integration()).isTrue();
    assertThat(call.region()).isNull();
    assertThat(call.payload()).isNull();
  }

  @Test
  void of_lambdaInvokeWithoutFunctionName_isRejected() {
    assertThatThrownBy(() -> call("arn:aws:states:::lambda:invoke", "{\"Payload\": {}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FunctionName");
  }

  @Test
  void of_unknownInvocationType_isRejected() {
    assertThatThrownBy(
            () ->
                call(
                    "arn:aws:states:::lambda:invoke",
                    "{\"FunctionName\": \"f\", \"InvocationType\": \"Later\"}"))
        .hasMessageContaining("RequestResponse, Event or DryRun");
  }

  @Test
  void of_parametersNotAnObject_isRejected() {
    assertThatThrownBy(() -> call("arn:aws:states:::lambda:invoke", "[1]"))
        .hasMessageContaining("must be an object, not array");
  }

  @Test
  void of_nonTextFunctionName_isRejected() {
    assertThatThrownBy(() -> call("arn:aws:states:::lambda:invoke", "{\"FunctionName\": 3}"))
        .hasMessageContaining("FunctionName must be a string");
  }

  @Test
  void of_waitForTaskToken_saysItIsNotSupportedYet() {
    assertThatThrownBy(
            () ->
                call(
                    "arn:aws:states:::lambda:invoke.waitForTaskToken", "{\"FunctionName\": \"f\"}"))
        .hasMessageContaining("not supported yet");
  }

  @Test
  void of_layerArn_isNotAFunction() {
    assertThatThrownBy(() -> call("arn:aws:lambda:us-east-1:123456789012:layer:l:1", "{}"))
        .hasMessageContaining("not a Lambda function's ARN");
  }
}
