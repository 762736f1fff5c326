package dev.mercury.tests.hosts;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda Context of one invocation, as the java21 runtime fills it in. */
final class TestContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final long deadline = System.currentTimeMillis() + 30_000;

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/mercury-orchestrator";
  }

  @Override
  public String getLogStreamName() {
    return "2026/12/04/[$LATEST]0123456789abcdef0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "mercury-orchestrator";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:mercury-orchestrator";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.print(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
