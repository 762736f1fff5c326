package dev.mercury.transition;

/** The ARNs Mercury gives state machines and executions, in AWS's shapes. */
public final class Arns {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";

  private Arns() {}

  public static String stateMachine(String name) {
    return "arn:aws:states:" + DEFAULT_REGION + ":" + DEFAULT_ACCOUNT + ":stateMachine:" + name;
  }

  public static String activity(String name) {
    return "arn:aws:states:" + DEFAULT_REGION + ":" + DEFAULT_ACCOUNT + ":activity:" + name;
  }

  /** Whether a Task's resource names an activity. */
  public static boolean isActivity(String arn) {
    String[] parts = arn.split(":", 7);
    return parts.length == 7 && parts[2].equals("states") && parts[5].equals("activity");
  }

  /** The execution ARN AWS derives from a state machine ARN and an execution name. */
  public static String execution(String stateMachineArn, String name) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
  }

  static String roleFor(String stateMachineArn) {
    String[] parts = stateMachineArn.split(":");
    String account = parts.length > 4 ? parts[4] : DEFAULT_ACCOUNT;
    return "arn:aws:iam::" + account + ":role/mercury-execution-role";
  }

  public static String lastPart(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }
}
