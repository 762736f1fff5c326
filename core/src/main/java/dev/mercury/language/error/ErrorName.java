package dev.mercury.language.error;

/** The error names the Amazon States Language predefines, spelled as AWS spells them. */
public final class ErrorName {
  public static final String ALL = "States.ALL";
  public static final String RUNTIME = "States.Runtime";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  public static final String PERMISSIONS = "States.Permissions";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  private ErrorName() {}

  /**
   * Whether a retrier or catcher naming {@code pattern} handles {@code error}. AWS never retries or
   * catches States.Runtime, not even when a rule names it; States.ALL matches every other error,
   * and States.TaskFailed every other error but States.Timeout.
   */
  public static boolean matches(String pattern, String error) {
    if (error.equals(RUNTIME)) {
      return false;
    }
    if (pattern.equals(error) || pattern.equals(ALL)) {
      return true;
    }
    if (pattern.equals(TASK_FAILED)) {
      return !error.equals(TIMEOUT);
    }
    return false;
  }
}
