package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.parse.DefinitionParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ContextObjectTest {

  @Test
  void lazy_buildsOnFirstRequestThenHandsOutTheSameObject() {
    Checkpoint checkpoint =
        Transition.newExecution(
            DefinitionParser.parse(
                """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"""),
            Arns.stateMachine("m"),
            "run",
            "{}",
            0);
    Flow flow = checkpoint.newFlow(Flow.NO_PARENT, 0);
    flow.state = "A";
    var supplier = ContextObject.lazy(new Turn(checkpoint, 0, Probe.NONE), flow, null);

    var first = supplier.get();

    assertThat(supplier.get()).isSameAs(first);
    assertThat(first.at("/State/Name").textValue()).isEqualTo("A");
    assertThat(first.at("/Execution/Name").textValue()).isEqualTo("run");
  }

  @Test
  void parameters_severalContextPaths_eachReadTheirValue() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Parameters": {
              "state.$": "$$.State.Name", "execution.$": "$$.Execution.Name",
              "input.$": "$$.Execution.Input"}}}}""",
            "{\"v\": 1}");

    assertThat(ended.output())
        .isEqualTo(json("{\"state\": \"A\", \"execution\": \"run\", \"input\": {\"v\": 1}}"));
  }

  private static final DateTimeFormatter AWS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void timestamp_writesWhatTheFormatterWrites() {
    long[] samples = {
      0L,
      999L,
      1_735_689_599_999L,
      951_782_400_123L, // 2000-02-29
      253_402_300_799_999L, // the last millisecond of 9999
      -1L,
      -62_135_596_800_000L, // 0001-01-01
      253_402_300_800_000L // 10000-01-01, past what four digits hold
    };
    for (long millis : samples) {
      assertThat(ContextObject.timestamp(millis))
          .as("%d", millis)
          .isEqualTo(AWS_TIME.format(Instant.ofEpochMilli(millis)));
    }
    assertThat(ContextObject.timestamp(1_735_689_600_042L)).isEqualTo("2025-01-01T00:00:00.042Z");
  }

  @Test
  void contextObjects_ofOneExecution_showTheSameExecution() {
    var ended =
        Executions.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Parameters": {"e.$": "$$.Execution", "m.$": "$$.StateMachine"},
                "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"first.$": "$", "e.$": "$$.Execution",
                "m.$": "$$.StateMachine"}, "End": true}}}""",
            "{\"v\": 1}");

    var out = ended.output();
    assertThat(out.get("e")).isEqualTo(out.at("/first/e"));
    assertThat(out.get("m")).isEqualTo(out.at("/first/m"));
    assertThat(out.at("/e/Input")).isEqualTo(json("{\"v\": 1}"));
    assertThat(out.at("/e/StartTime").textValue()).isEqualTo("2025-01-01T00:00:00.000Z");
    assertThat(out.at("/m/Name").textValue()).isEqualTo("test");
  }
}
