package dev.mercury.transition;

import static dev.mercury.transition.Executions.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.language.parse.DefinitionParser;
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
}
