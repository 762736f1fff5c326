package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths, reference paths and payload templates in JSONPath states. */
class ValidatorPathTest {

  /** A Pass state with the given fields, which start on line 2 at column 25. */
  private static String passWith(String fields) {
    return """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", %s, "End": true}
        }}
        """
        .formatted(fields);
  }

  @Test
  void inputAndOutputAndResultPath_null_areValid() {
    String fields = "\"InputPath\": null, \"OutputPath\": null, \"ResultPath\": null";

    assertThat(Validator.validate(passWith(fields))).isEmpty();
  }

  @Test
  void inputPath_withBlank_isInvalidPathWithJaywaysReason() {
    Diagnostic diagnostic = only(passWith("\"InputPath\": \"$.a b\""));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/InputPath", 2, 38, "invalid-path");
    assertThat(diagnostic.message()).startsWith("State 'A': 'InputPath' is not a valid path: ");
  }

  @Test
  void outputPath_number_isInvalidType() {
    assertThat(placed(passWith("\"OutputPath\": 1")))
        .containsExactly(tuple("/States/A/OutputPath", 2, 39, "invalid-type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "$.a", "$.a.b[0].c", "$['a b'][2]", "$.a-b"})
  void resultPath_referencePath_isValid(String path) {
    assertThat(Validator.validate(passWith("\"ResultPath\": \"" + path + "\""))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.a[*]", "$..a", "$.a[?(@.b)]", "$.a[0:2]", "$.a[1,2]", "$$.x", "$var"})
  void resultPath_notAReferencePath_isInvalidReferencePath(String path) {
    assertThat(placed(passWith("\"ResultPath\": \"" + path + "\"")))
        .containsExactly(tuple("/States/A/ResultPath", 2, 39, "invalid-reference-path"));
  }

  @Test
  void resultPath_variable_saysVariablesCannotBeWritten() {
    assertThat(only(passWith("\"ResultPath\": \"$answer\"")).message())
        .isEqualTo(
            "State 'A': 'ResultPath' must be a reference path like \"$.result\", but it names the"
                + " variable '$answer', which it cannot write.");
  }

  @Test
  void parameters_notAnObject_isInvalidType() {
    assertThat(placed(passWith("\"Parameters\": [1]")))
        .containsExactly(tuple("/States/A/Parameters", 2, 39, "invalid-type"));
  }

  @Test
  void template_withPathsContextAndIntrinsics_isValid() {
    String fields =
        "\"Parameters\": {\"a.$\": \"$.x\", \"b.$\": \"$$.Execution.Id\", \"c.$\": \"$myVar.field\","
            + " \"d\": {\"e.$\": \"States.Format('{} ({})', $.n, States.UUID())\"},"
            + " \"f\": [{\"g.$\": \"$[0]\"}], \"h\": \"$.not.evaluated\"}";

    assertThat(Validator.validate(passWith(fields))).isEmpty();
  }

  @Test
  void templatePath_deepInsideAnArray_isReportedWithItsPointer() {
    String fields = "\"Parameters\": {\"list\": [1, {\"x.$\": \"$.a..\"}]}";

    assertThat(placed(passWith(fields)))
        .containsExactly(tuple("/States/A/Parameters/list/1/x.$", 2, 60, "invalid-path"));
  }

  @Test
  void templateDollarField_holdingNumber_isInvalidType() {
    assertThat(placed(passWith("\"Parameters\": {\"x.$\": 5}")))
        .containsExactly(tuple("/States/A/Parameters/x.$", 2, 47, "invalid-type"));
  }

  @Test
  void templateDollarField_holdingPlainText_suggestsDroppingTheSuffix() {
    Diagnostic diagnostic = only(passWith("\"Parameters\": {\"greeting.$\": \"hello\"}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Parameters/greeting.$", 2, 54, "invalid-path");
    assertThat(diagnostic.message()).endsWith("to pass the text as it is, drop '.$' from the key.");
  }

  @Test
  void templateDollarField_unknownIntrinsic_isInvalidIntrinsic() {
    Diagnostic diagnostic =
        only(passWith("\"Parameters\": {\"x.$\": \"States.Formt('{}', $.a)\"}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/A/Parameters/x.$", 2, 47, "invalid-intrinsic");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'A': 'x.$' holds an invalid intrinsic function call: 'States.Formt' is not an"
                + " intrinsic function; did you mean 'States.Format'? at offset 0.");
  }

  @Test
  void templateField_producedTwiceAfterRenaming_isDuplicateKey() {
    assertThat(placed(passWith("\"Parameters\": {\"a.$\": \"$.a\", \"a\": 1}")))
        .containsExactly(tuple("/States/A/Parameters/a", 2, 54, "duplicate-key"));
  }

  @Test
  void resultSelector_isAPayloadTemplateToo() {
    String json =
        """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:x", "ResultSelector": {"r.$": "$.["}, "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/T/ResultSelector/r.$", 2, 72, "invalid-path"));
  }

  @Test
  void intrinsicCheck_suppliedByTheCaller_isUsed() {
    List<String> seen = new ArrayList<>();
    String json = passWith("\"Parameters\": {\"x.$\": \"States.Anything(1)\"}");

    List<Diagnostic> diagnostics =
        Validator.validate(
            json,
            text -> {
              seen.add(text);
              throw new IllegalArgumentException("the caller says no");
            });

    assertThat(seen).containsExactly("States.Anything(1)");
    assertThat(diagnostics)
        .extracting(Diagnostic::message)
        .containsExactly(
            "State 'A': 'x.$' holds an invalid intrinsic function call: the caller says no.");
  }
}
