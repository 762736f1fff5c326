package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.json.Json;
import dev.mercury.transition.StepMessage.TaskResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSONata fields of Pass, Task, Choice, Wait, Succeed and Fail states, what {@code $states} holds
 * in each, and machines that mix JSONPath and JSONata states.
 */
class JsonataStatesTest {

  @Test
  void pass_output_replacesTheInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
              "Output": {"sum": "{% $sum($states.input.xs) %}", "fixed": "f"}, "End": true}}}""",
            "{\"xs\": [1, 2, 3]}");

    assertThat(ended.out()).isEqualTo(json("{\"sum\": 6, \"fixed\": \"f\"}"));
  }

  @Test
  void pass_noOutput_outputIsTheInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
              "End": true}}}""",
            "{\"a\": [1]}");

    assertThat(ended.out()).isEqualTo(json("{\"a\": [1]}"));
  }

  @Test
  void pass_assignAndOutput_outputSeesTheValueFromBeforeTheState() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"n": 1}, "Next": "B"},
              "B": {"Type": "Pass", "Assign": {"n": "{% $n + 1 %}"},
                "Output": {"during": "{% $n %}"}, "Next": "C"},
              "C": {"Type": "Pass", "Output": {"before": "{% $states.input.during %}",
                "after": "{% $n %}"}, "End": true}}}""",
            "{}");

    assertThat(ended.out()).isEqualTo(json("{\"before\": 1, \"after\": 2}"));
  }

  @Test
  void task_argumentsEvaluated_areWhatTheResourceReceives() {
    List<InvokeRequest> requests = new ArrayList<>();
    Executions.run(
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"FunctionName": "{% $states.input.fn %}",
            "Payload": {"n": "{% $states.input.n * 10 %}", "literal": "$.n"}},
          "End": true}}}""",
        "{\"fn\": \"f\", \"n\": 4}",
        request -> {
          requests.add(request);
          return TaskResult.success(json("{}"));
        });

    assertThat(json(Json.write(requests.get(0).parameters())))
        .isEqualTo(
            json("{\"FunctionName\": \"f\", \"Payload\": {\"n\": 40, \"literal\": \"$.n\"}}"));
  }

  @Test
  void task_noArguments_resourceReceivesTheInput() {
    List<InvokeRequest> requests = new ArrayList<>();
    Executions.run(
        """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::x", "End": true}}}""",
        "{\"in\": 1}",
        request -> {
          requests.add(request);
          return TaskResult.success(json("{}"));
        });

    assertThat(requests.get(0).parameters()).isEqualTo(json("{\"in\": 1}"));
  }

  @Test
  void task_noOutput_outputIsTheResult() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::x", "End": true}}}""",
            "{\"in\": 1}",
            request -> TaskResult.success(json("{\"out\": 2}")));

    assertThat(ended.out()).isEqualTo(json("{\"out\": 2}"));
  }

  @Test
  void task_outputAndAssign_seeInputAndResult() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x",
                "Assign": {"total": "{% $states.input.base + $states.result.n %}"},
                "Output": {"in": "{% $states.input.base %}", "res": "{% $states.result.n %}"},
                "Next": "R"},
              "R": {"Type": "Pass", "Output": {"prev": "{% $states.input %}",
                "total": "{% $total %}"}, "End": true}}}""",
            "{\"base\": 100}", request -> TaskResult.success(json("{\"n\": 5}")));

    assertThat(ended.out())
        .isEqualTo(json("{\"prev\": {\"in\": 100, \"res\": 5}, \"total\": 105}"));
  }

  @Test
  void task_timeoutSecondsExpression_setsTheTimeout() {
    List<InvokeRequest> requests = new ArrayList<>();
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::x", "TimeoutSeconds": "{% $states.input.t * 2 %}",
              "End": true}}}""",
            "{\"t\": 15}",
            request -> {
              requests.add(request);
              return TaskResult.success(json("{}"));
            });

    assertThat(requests.get(0).timeoutMillis()).isEqualTo(30_000);
    assertThat(ended.first("TaskScheduled").details().get("timeoutInSeconds").asLong())
        .isEqualTo(30);
  }

  @Test
  void task_heartbeatSecondsExpression_isEvaluatedAndRecorded() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::x", "TimeoutSeconds": 60,
              "HeartbeatSeconds": "{% $states.input.hb %}", "End": true}}}""",
            "{\"hb\": 10}", request -> TaskResult.success(json("{}")));

    assertThat(ended.first("TaskScheduled").details().get("heartbeatInSeconds").asLong())
        .isEqualTo(10);
  }

  @Test
  void choice_conditionOnInputAndVariable_takesTheFirstRuleThatHolds() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"limit": 10}, "Next": "C"},
              "C": {"Type": "Choice", "Choices": [
                {"Condition": "{% $states.input.n > $limit %}", "Next": "Big"},
                {"Condition": "{% $states.input.n > 0 %}", "Next": "Small"},
                {"Condition": true, "Next": "Never"}],
                "Default": "Never"},
              "Big": {"Type": "Pass", "Output": "big", "End": true},
              "Small": {"Type": "Pass", "Output": "small", "End": true},
              "Never": {"Type": "Fail", "Error": "Never"}}}""",
            "{\"n\": 5}");

    assertThat(ended.out()).isEqualTo(json("\"small\""));
  }

  @Test
  void choice_literalFalseConditions_goToDefaultWithStateOutputAndAssign() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Condition": false, "Next": "Rule", "Output": "rule", "Assign": {"v": "rule"}}],
                "Default": "D", "Output": {"from": "state", "in": "{% $states.input.a %}"},
                "Assign": {"v": "state"}},
              "Rule": {"Type": "Fail", "Error": "Rule"},
              "D": {"Type": "Pass", "Output": {"out": "{% $states.input %}", "v": "{% $v %}"},
                "End": true}}}""",
            "{\"a\": 1}");

    assertThat(ended.out())
        .isEqualTo(json("{\"out\": {\"from\": \"state\", \"in\": 1}, \"v\": \"state\"}"));
  }

  @Test
  void choice_matchedRuleOutputAndAssign_takePrecedenceOverTheState() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Condition": "{% $states.input.go %}", "Next": "D",
                  "Output": {"rule": "{% $states.input.go %}"}, "Assign": {"v": "rule"}}],
                "Default": "D", "Output": "state", "Assign": {"v": "state", "w": "state"}},
              "D": {"Type": "Pass", "Output": {"out": "{% $states.input %}", "v": "{% $v %}",
                "w": "{% $w %}"}, "End": true}}}""",
            "{\"go\": true}");

    assertThat(ended.out())
        .isEqualTo(json("{\"out\": {\"rule\": true}, \"v\": \"rule\", \"w\": \"state\"}"));
  }

  @Test
  void choice_matchedRuleWithoutOutput_usesTheStateOutput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Condition": true, "Next": "D"}],
                "Output": {"s": "{% $states.input.a %}"}},
              "D": {"Type": "Succeed"}}}""",
            "{\"a\": 7}");

    assertThat(ended.out()).isEqualTo(json("{\"s\": 7}"));
  }

  @Test
  void choice_noOutputAnywhere_outputIsTheInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Condition": true, "Next": "D"}]},
              "D": {"Type": "Succeed"}}}""",
            "{\"a\": 7}");

    assertThat(ended.out()).isEqualTo(json("{\"a\": 7}"));
  }

  @Test
  void wait_secondsExpression_waitsThatLong() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait",
              "Seconds": "{% $states.input.s + 5 %}", "Assign": {"waited": true},
              "Output": {"s": "{% $states.input.s %}"}, "End": true}}}""",
            "{\"s\": 25}");

    long entered = ended.first("WaitStateEntered").timestampMillis();
    assertThat(ended.first("WaitStateExited").timestampMillis() - entered).isEqualTo(30_000);
    assertThat(ended.out()).isEqualTo(json("{\"s\": 25}"));
  }

  @Test
  void wait_timestampExpression_waitsUntilThen() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait",
              "Timestamp": "{% $states.input.when %}", "End": true}}}""",
            "{\"when\": \"2025-01-01T01:00:00Z\"}");

    assertThat(ended.first("WaitStateExited").timestampMillis())
        .isEqualTo(Executions.START_MILLIS + 3_600_000);
    assertThat(ended.out()).isEqualTo(json("{\"when\": \"2025-01-01T01:00:00Z\"}"));
  }

  @Test
  void succeed_output_isTheExecutionOutput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Succeed",
              "Output": {"lastName": "{% 'Last=>' & $states.input.customer.lastName %}"}}}}""",
            "{\"customer\": {\"lastName\": \"Rivera\"}}");

    assertThat(ended.out()).isEqualTo(json("{\"lastName\": \"Last=>Rivera\"}"));
  }

  @Test
  void succeed_noOutput_outputIsTheInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Succeed"}}}""",
            "{\"a\": 1}");

    assertThat(ended.out()).isEqualTo(json("{\"a\": 1}"));
  }

  @Test
  void fail_errorAndCauseExpressions_failTheExecutionWithThem() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "F", "States": {"F": {"Type": "Fail",
              "Error": "{% $states.input.code %}",
              "Cause": "{% 'failed at ' & $states.context.State.Name %}"}}}""",
            "{\"code\": \"Custom.Error\"}");

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.checkpoint().error).isEqualTo("Custom.Error");
    assertThat(ended.checkpoint().cause).isEqualTo("failed at F");
  }

  @Test
  void states_context_holdsExecutionStateAndMachine() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Here", "States": {"Here": {"Type": "Pass",
              "Output": {"id": "{% $states.context.Execution.Id %}",
                "name": "{% $states.context.Execution.Name %}",
                "input": "{% $states.context.Execution.Input %}",
                "state": "{% $states.context.State.Name %}",
                "entered": "{% $states.context.State.EnteredTime %}",
                "machine": "{% $states.context.StateMachine.Id %}"}, "End": true}}}""",
            "{\"k\": 1}");

    assertThat(ended.out())
        .isEqualTo(
            json(
                """
                {"id": "arn:aws:states:us-east-1:123456789012:execution:test:run",
                 "name": "run", "input": {"k": 1}, "state": "Here",
                 "entered": "2025-01-01T00:00:00.000Z",
                 "machine": "arn:aws:states:us-east-1:123456789012:stateMachine:test"}"""));
  }

  @Test
  void states_inputInALaterState_isThatStatesInput() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Output": {"step": 2}, "Next": "B"},
              "B": {"Type": "Pass", "Output": {"seen": "{% $states.input %}",
                "original": "{% $states.context.Execution.Input %}"}, "End": true}}}""",
            "{\"step\": 1}");

    assertThat(ended.out())
        .isEqualTo(json("{\"seen\": {\"step\": 2}, \"original\": {\"step\": 1}}"));
  }

  @Test
  void mixed_jsonPathThenJsonataThenJsonPath_outputsFlowBetweenThem() {
    var ended =
        Executions.run(
            """
            {"StartAt": "Path1", "States": {
              "Path1": {"Type": "Pass", "Parameters": {"v.$": "$.start"}, "ResultPath": "$.p1",
                "Assign": {"fromPath.$": "$.v"}, "Next": "Ata"},
              "Ata": {"QueryLanguage": "JSONata", "Type": "Pass",
                "Output": {"doubled": "{% $states.input.p1.v * 2 %}", "var": "{% $fromPath %}"},
                "Assign": {"fromAta": "{% $states.input.start %}"}, "Next": "Path2"},
              "Path2": {"Type": "Pass", "Parameters": {"d.$": "$.doubled",
                "both.$": "States.Array($fromPath, $fromAta)"}, "End": true}}}""",
            "{\"start\": 21}");

    assertThat(ended.out()).isEqualTo(json("{\"d\": 42, \"both\": [21, 21]}"));
  }

  @Test
  void mixed_jsonPathTaskIntoJsonataPass_defaultOutputIsTheJsonPathOutput() {
    var ended =
        Executions.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::x", "ResultPath": "$.r",
                "Next": "J"},
              "J": {"QueryLanguage": "JSONata", "Type": "Pass", "End": true}}}""",
            "{\"in\": 1}",
            request -> TaskResult.success(json("{\"n\": 2}")));

    assertThat(ended.out()).isEqualTo(json("{\"in\": 1, \"r\": {\"n\": 2}}"));
  }
}
