package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import org.junit.jupiter.api.Test;

/**
 * AWS's limits on variables: 256 KiB for one variable and for all that one Assign sets, 10 MiB for
 * all that an execution holds.
 */
class VariablesLimitsTest {
  private static final int KIB = 1024;

  /** An input holding a string whose JSON text is {@code bytes} long, quotes included. */
  private static String inputOf(int bytes) {
    return Json.write(Json.object().put("big", "x".repeat(bytes - 2)));
  }

  /** Pass states S0..S(n-1), each assigning {@code $.big} to its own variable v0..v(n-1). */
  private static String chain(int states, String sameName) {
    StringBuilder definition = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    for (int i = 0; i < states; i++) {
      String name = sameName != null ? sameName : "v" + i;
      definition.append(i == 0 ? "" : ",");
      definition.append(
          "\"S%d\": {\"Type\": \"Pass\", \"Assign\": {\"%s.$\": \"$.big\"}, %s}"
              .formatted(
                  i, name, i + 1 < states ? "\"Next\": \"S" + (i + 1) + "\"" : "\"End\": true"));
    }
    return definition.append("}}").toString();
  }

  @Test
  void oneVariableAtTheLimit_isAssigned() {
    var ended = Executions.run(chain(1, null), inputOf(256 * KIB));

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void oneVariableOverTheLimit_failsTheState() {
    var ended = Executions.run(chain(1, null), inputOf(256 * KIB + 1));

    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
    assertThat(ended.checkpoint().cause)
        .isEqualTo(
            "An error occurred while executing the state 'S0' (entered at the event id #2). The"
                + " variables assigned by this state exceed the maximum size of 262144 bytes.");
  }

  @Test
  void twoVariablesTogetherOverTheLimit_failTheState() {
    var ended =
        Executions.run(
            """
            {"StartAt": "S", "States": {"S": {"Type": "Pass",
              "Assign": {"x.$": "$.big", "y.$": "$.big"}, "End": true}}}""",
            inputOf(129 * KIB));

    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
  }

  @Test
  void jsonataAssignOverTheLimit_failsTheStateToo() {
    var ended =
        Executions.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Pass",
              "Assign": {"x": "{% $states.input.big %}", "y": "{% $states.input.big %}"},
              "End": true}}}""",
            inputOf(200 * KIB));

    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
  }

  @Test
  void executionTotalOverTenMiB_failsTheAssigningState() {
    // 41 variables of 250 KiB come to 10250 KiB, past the 10240 KiB limit at the last.
    var ended = Executions.run(chain(41, null), inputOf(250 * KIB));

    assertThat(ended.checkpoint().error).isEqualTo("States.Runtime");
    assertThat(ended.checkpoint().cause)
        .startsWith("An error occurred while executing the state 'S40' ")
        .endsWith(
            " The variables of this execution would exceed the maximum total size of"
                + " 10485760 bytes.");
  }

  @Test
  void executionTotalUnderTenMiB_succeeds() {
    var ended = Executions.run(chain(40, null), inputOf(250 * KIB));

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void reassigningOneVariable_replacesItsSize() {
    var ended = Executions.run(chain(45, "same"), inputOf(250 * KIB));

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void endedMapIterations_noLongerCountTowardTheTotal() {
    var ended =
        Executions.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
              "MaxConcurrency": 1, "ItemSelector": {"big.$": "$.big"}, "ResultPath": null,
              "ItemProcessor": {"StartAt": "In", "States": {"In": {"Type": "Pass",
                "Assign": {"local.$": "$.big"}, "OutputPath": null, "End": true}}},
              "End": true}}}""",
            Json.write(
                ((ObjectNode) json(inputOf(250 * KIB)))
                    .set("items", json("[" + "0,".repeat(44) + "0]"))));

    assertThat(ended.checkpoint().status).isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
