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

  /**
   * The Map Run of a distributed Map state: {@code ...:mapRun:machine/label:id}, where the id names
   * the execution, the Map state's flow and its seq, so the run leads back to its execution.
   */
  public static String mapRun(String executionArn, String label, int flowId, long seq) {
    String[] parts = executionArn.split(":");
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4])
        + ":mapRun:"
        + parts[6]
        + "/"
        + label
        + ":"
        + parts[7]
        + "."
        + flowId
        + "."
        + seq;
  }

  /** The execution a Map Run belongs to, or null when the ARN is not one Mercury made. */
  public static String executionOfMapRun(String mapRunArn) {
    String[] parts = mapRunArn.split(":");
    if (parts.length != 8 || !parts[5].equals("mapRun") || !parts[6].contains("/")) {
      return null;
    }
    String id = parts[7];
    int flowDot = id.lastIndexOf('.', id.lastIndexOf('.') - 1);
    if (flowDot < 0) {
      return null;
    }
    String machine = parts[6].substring(0, parts[6].indexOf('/'));
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4])
        + ":execution:"
        + machine
        + ":"
        + id.substring(0, flowDot);
  }

  /** The flow id a Map Run ARN names. */
  public static int flowOfMapRun(String mapRunArn) {
    String[] id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1).split("\\.");
    return Integer.parseInt(id[id.length - 2]);
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
