package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow through each States object: targets exist, states are reached, runs can end. */
class ValidatorGraphTest {

  @Test
  void next_toMissingState_isMissingTargetWithSuggestion() {
    String json =
        """
        {"StartAt": "Start", "States": {
          "Start": {"Type": "Pass", "Next": "Finsh"},
          "Finish": {"Type": "Succeed"}
        }}
        """;

    List<Diagnostic> diagnostics = Validator.validate(json);

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/Start/Next", 2, 37, "missing-target"),
            tuple("/States/Finish", 3, 13, "unreachable-state"));
    assertThat(diagnostics.get(0).message())
        .isEqualTo(
            "State 'Start': 'Next' names 'Finsh', but there is no state by that name here; did you"
                + " mean 'Finish'?");
  }

  @Test
  void startAt_toMissingState_isMissingTarget() {
    String json =
        """
        {"StartAt": "Begin",
         "States": {"A": {"Type": "Succeed"}}}
        """;

    assertThat(placed(json)).containsExactly(tuple("/StartAt", 1, 13, "missing-target"));
  }

  @Test
  void default_toMissingState_isMissingTarget() {
    String json =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "Nowhere",
                "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "D"}]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/C/Default", 2, 38, "missing-target"));
  }

  @Test
  void choiceRuleNext_toMissingState_isMissingTarget() {
    String json =
        """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "D",
                "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "E"}]},
          "D": {"Type": "Succeed"}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/C/Choices/0/Next", 3, 68, "missing-target"));
  }

  @Test
  void catchNext_toMissingState_isMissingTarget() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/Catch/0/Next", 3, 59, "missing-target"));
  }

  @Test
  void branchState_namingAnOuterState_isMissingTargetThatExplainsScopes() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "Done", "Branches": [
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "Done"}}}
          ]},
          "Done": {"Type": "Succeed"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/P/Branches/0/States/B/Next", 3, 63, "missing-target");
    assertThat(diagnostic.message()).contains("'Done', which is outside this branch");
  }

  @Test
  void outerState_namingAStateInsideABranch_isMissingTarget() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "B", "Branches": [
            {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}
          ]}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/P/Next", 2, 37, "missing-target"));
  }

  @Test
  void mapProcessor_startAtMissing_isMissingTargetInItsOwnScope() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true,
                "ItemProcessor": {"StartAt": "Nope", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/M/ItemProcessor/StartAt", 3, 38, "missing-target"));
  }

  @Test
  void stateNobodyNames_isUnreachable() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Succeed"},
          "Orphan": {"Type": "Succeed"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/Orphan", 3, 13, "unreachable-state");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'Orphan': it is never reached; no StartAt, Next, Default or Catch leads to it.");
  }

  @Test
  void stateReachedOnlyThroughCatch_isReachable() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]},
          "Recover": {"Type": "Fail", "Error": "Failed"}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void unreachableStateInsideABranch_isReportedThere() {
    String json =
        """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "B1", "States": {"B1": {"Type": "Succeed"}, "B2": {"Type": "Succeed"}}}
          ]}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/P/Branches/0/States/B2", 3, 67, "unreachable-state"));
  }

  @Test
  void twoStatesLoopingForever_isOneCannotEndAtTheFirst() {
    String json =
        """
        {"StartAt": "Ping", "States": {
          "Ping": {"Type": "Pass", "Next": "Pong"},
          "Pong": {"Type": "Wait", "Seconds": 1, "Next": "Ping"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/Ping", 2, 11, "cannot-end");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'Ping': the states 'Ping', 'Pong' lead only to each other and can never reach a"
                + " terminal state (\"End\": true, Succeed or Fail), so an execution that gets here"
                + " never finishes.");
  }

  @Test
  void pathIntoALoop_isReportedOnceAtTheLoop() {
    String json =
        """
        {"StartAt": "Enter", "States": {
          "Enter": {"Type": "Pass", "Next": "Spin"},
          "Spin": {"Type": "Pass", "Next": "Spin"}
        }}
        """;

    Diagnostic diagnostic = only(json);

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/Spin", 3, 11, "cannot-end");
    assertThat(diagnostic.message())
        .startsWith("State 'Spin': it can never reach a terminal state");
  }

  @Test
  void pollingLoop_withChoiceExit_canEnd() {
    String json =
        """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Task", "Resource": "arn:x", "Next": "Done?"},
          "Done?": {"Type": "Choice", "Default": "Sleep",
                    "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "Finish"}]},
          "Sleep": {"Type": "Wait", "Seconds": 5, "Next": "Check"},
          "Finish": {"Type": "Succeed"}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void loop_leftOnlyThroughCatch_canEnd() {
    String json =
        """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:x", "Next": "Work",
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Stop"}]},
          "Stop": {"Type": "Fail"}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void choiceWithoutDefault_whoseRulesAllLoopBack_cannotEnd() {
    String json =
        """
        {"StartAt": "Again", "States": {
          "Again": {"Type": "Choice",
                    "Choices": [{"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Again"}]}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/Again", 2, 12, "cannot-end"));
  }

  @Test
  void loopInsideAMapProcessor_isReportedInThatScope() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "X", "States": {
            "X": {"Type": "Pass", "Next": "X"}
          }}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/M/ItemProcessor/States/X", 3, 10, "cannot-end"));
  }

  @Test
  void brokenTransition_isNotAlsoReportedAsCannotEnd() {
    String json =
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Pass", "Next": "Gone"}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/B/Next", 3, 33, "missing-target"));
  }
}
