package dev.mercury.aws.invoke;

import dev.mercury.invoke.function.CallBudget;
import dev.mercury.language.error.ErrorName;
import dev.mercury.transition.StepMessage.TaskResult;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Names a failed Invoke call as Step Functions does. Step Functions still reports the names of the
 * AWS SDK for Java v1: {@code Lambda.} and the service's error code for the errors Lambda models
 * ({@code Lambda.ResourceNotFoundException}, {@code Lambda.TooManyRequestsException}, {@code
 * Lambda.ServiceException}, ...), {@code Lambda.AWSLambdaException} for any other answer of the
 * service, and {@code Lambda.SdkClientException} when no answer came; a call that ran out of time
 * is {@code States.Timeout}.
 */
final class LambdaFailure {
  static final String SERVICE_ERROR = "Lambda.AWSLambdaException";
  static final String CLIENT_ERROR = "Lambda.SdkClientException";

  private LambdaFailure() {}

  static TaskResult of(SdkException failure, CallBudget budget) {
    if (timedOut(failure)) {
      return TaskResult.failure(
          ErrorName.TIMEOUT,
          "The Lambda call did not finish within " + budget.limit().toMillis() + " ms.");
    }
    if (failure instanceof AwsServiceException service) {
      return TaskResult.failure(serviceErrorName(service), serviceCause(service));
    }
    return TaskResult.failure(CLIENT_ERROR, failure.getMessage());
  }

  private static boolean timedOut(SdkException failure) {
    if (failure instanceof ApiCallTimeoutException
        || failure instanceof ApiCallAttemptTimeoutException) {
      return true;
    }
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** A subclass of LambdaException is an error Lambda models; its wire code is its v1 name. */
  private static String serviceErrorName(AwsServiceException failure) {
    if (failure instanceof LambdaException && failure.getClass() != LambdaException.class) {
      String code =
          failure.awsErrorDetails() == null ? null : failure.awsErrorDetails().errorCode();
      return "Lambda."
          + (code == null || code.isBlank() ? failure.getClass().getSimpleName() : code);
    }
    return SERVICE_ERROR;
  }

  /** The service's message followed by the details the v1 SDK added, which AWS's causes show. */
  private static String serviceCause(AwsServiceException failure) {
    AwsErrorDetails details = failure.awsErrorDetails();
    String message = details == null ? null : details.errorMessage();
    String code = details == null ? null : details.errorCode();
    return (message == null ? "" : message)
        + " (Service: AWSLambda; Status Code: "
        + failure.statusCode()
        + "; Error Code: "
        + (code == null ? "" : code)
        + "; Request ID: "
        + (failure.requestId() == null ? "" : failure.requestId())
        + "; Proxy: null)";
  }
}
