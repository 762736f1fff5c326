package dev.mercury.language.validate;

import static dev.mercury.language.validate.Definitions.only;
import static dev.mercury.language.validate.Definitions.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Map states: processor, item source, limits, Label, ItemReader, ItemBatcher, ResultWriter. */
class ValidatorMapTest {

  /** A Map state with a valid processor and the given fields, which start on line 3 at column 9. */
  private static String mapWith(String fields) {
    return """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true,
                %s,
                "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """
        .formatted(fields);
  }

  @Test
  void distributedMap_withEverything_isValid() {
    String fields =
        """
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                       "Parameters": {"Bucket.$": "$.bucket", "Key": "items.json"},
                       "ReaderConfig": {"InputType": "JSON", "MaxItems": 100}},
        "ItemSelector": {"item.$": "$$.Map.Item.Value"},
        "ItemBatcher": {"MaxItemsPerBatch": 10, "BatchInput": {"run.$": "$$.Execution.Id"}},
        "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                         "Parameters": {"Bucket": "out", "Prefix": "runs"}},
        "MaxConcurrency": 100, "ToleratedFailurePercentage": 5.5, "ToleratedFailureCount": 3,
        "Label": "ImportItems", "ResultPath": "$.summary\"""";

    assertThat(Validator.validate(mapWith(fields))).isEmpty();
  }

  @Test
  void iterator_legacyFormWithProcessorConfig_isValid() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "ItemsPath": "$.items", "Parameters": {"v.$": "$$.Map.Item.Value"},
                "Iterator": {"ProcessorConfig": {"Mode": "INLINE"},
                             "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void processor_missing_isMissingFieldAtTheState() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/M/ItemProcessor", 2, 8, "missing-field"));
  }

  @Test
  void itemProcessorAndIterator_together_areExclusive() {
    String fields =
        "\"Iterator\": {\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}";

    assertThat(placed(mapWith(fields)))
        .containsExactly(tuple("/States/M/Iterator", 3, 9, "exclusive-fields"));
  }

  @Test
  void processorConfig_unknownMode_isInvalidValue() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "ItemProcessor": {
            "ProcessorConfig": {"Mode": "PARALLEL", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/M/ItemProcessor/ProcessorConfig/Mode", 3, 33, "invalid-value"));
  }

  @Test
  void processorConfig_unknownExecutionType_isInvalidValue() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "FAST"},
            "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/M/ItemProcessor/ProcessorConfig/ExecutionType", 3, 65, "invalid-value"));
  }

  @Test
  void itemProcessor_unknownField_isUnknownField() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "ItemProcessor": {
            "StartAt": "P", "States": {"P": {"Type": "Succeed"}}, "Next": "M"}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(tuple("/States/M/ItemProcessor/Next", 3, 59, "unknown-field"));
  }

  @Test
  void statesInsideTheProcessor_areCheckedToo() {
    String json =
        """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "ItemProcessor": {
            "StartAt": "P", "States": {"P": {"Type": "Task", "End": true}}}}
        }}
        """;

    assertThat(placed(json))
        .containsExactly(
            tuple("/States/M/ItemProcessor/States/P/Resource", 3, 37, "missing-field"));
  }

  @Test
  void itemSelectorAndParameters_together_areExclusive() {
    assertThat(placed(mapWith("\"ItemSelector\": {}, \"Parameters\": {}")))
        .containsExactly(tuple("/States/M/Parameters", 3, 29, "exclusive-fields"));
  }

  @Test
  void itemsPath_invalid_isInvalidPath() {
    assertThat(placed(mapWith("\"ItemsPath\": \"items\"")))
        .containsExactly(tuple("/States/M/ItemsPath", 3, 22, "invalid-path"));
  }

  @Test
  void maxConcurrency_negative_isInvalidValue() {
    assertThat(placed(mapWith("\"MaxConcurrency\": -1")))
        .containsExactly(tuple("/States/M/MaxConcurrency", 3, 27, "invalid-value"));
  }

  @Test
  void maxConcurrencyAndItsPath_together_areExclusive() {
    assertThat(placed(mapWith("\"MaxConcurrency\": 2, \"MaxConcurrencyPath\": \"$.n\"")))
        .containsExactly(tuple("/States/M/MaxConcurrencyPath", 3, 30, "exclusive-fields"));
  }

  @Test
  void toleratedFailureCountAndItsPath_together_areExclusive() {
    String fields = "\"ToleratedFailureCountPath\": \"$.n\", \"ToleratedFailureCount\": 1";

    assertThat(placed(mapWith(fields)))
        .containsExactly(tuple("/States/M/ToleratedFailureCountPath", 3, 9, "exclusive-fields"));
  }

  @Test
  void toleratedFailurePercentage_over100_isInvalidValue() {
    Diagnostic diagnostic = only(mapWith("\"ToleratedFailurePercentage\": 100.5"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/M/ToleratedFailurePercentage", 3, 39, "invalid-value");
    assertThat(diagnostic.message())
        .isEqualTo(
            "State 'M': 'ToleratedFailurePercentage' must be a number from 0 to 100, but it is the"
                + " number 100.5.");
  }

  @Test
  void toleratedFailurePercentageAndItsPath_together_areExclusive() {
    String fields =
        "\"ToleratedFailurePercentage\": 10, \"ToleratedFailurePercentagePath\": \"$.p\"";

    assertThat(placed(mapWith(fields)))
        .containsExactly(
            tuple("/States/M/ToleratedFailurePercentagePath", 3, 43, "exclusive-fields"));
  }

  @Test
  void label_over40Characters_isInvalidLabel() {
    String label = "L".repeat(41);

    assertThat(placed(mapWith("\"Label\": \"" + label + "\"")))
        .containsExactly(tuple("/States/M/Label", 3, 18, "invalid-label"));
  }

  @Test
  void label_withSlash_isInvalidLabel() {
    Diagnostic diagnostic = only(mapWith("\"Label\": \"batch/one\""));

    assertThat(diagnostic.code()).isEqualTo("invalid-label");
    assertThat(diagnostic.message()).endsWith("but it holds '/'.");
  }

  @Test
  void itemBatcher_withoutALimit_isMissingField() {
    Diagnostic diagnostic = only(mapWith("\"ItemBatcher\": {\"BatchInput\": {}}"));

    assertThat(diagnostic)
        .extracting(Diagnostic::pointer, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly("/States/M/ItemBatcher", 3, 24, "missing-field");
  }

  @Test
  void itemBatcher_zeroItems_isInvalidValue() {
    assertThat(placed(mapWith("\"ItemBatcher\": {\"MaxItemsPerBatch\": 0}")))
        .containsExactly(tuple("/States/M/ItemBatcher/MaxItemsPerBatch", 3, 45, "invalid-value"));
  }

  @Test
  void itemBatcher_limitAndItsPath_areExclusive() {
    String fields =
        "\"ItemBatcher\": {\"MaxInputBytesPerBatch\": 1024, \"MaxInputBytesPerBatchPath\": \"$.b\"}";

    assertThat(placed(mapWith(fields)))
        .containsExactly(
            tuple("/States/M/ItemBatcher/MaxInputBytesPerBatchPath", 3, 56, "exclusive-fields"));
  }

  @Test
  void itemReader_withoutResource_isMissingField() {
    assertThat(placed(mapWith("\"ItemReader\": {\"ReaderConfig\": {}}")))
        .containsExactly(tuple("/States/M/ItemReader/Resource", 3, 23, "missing-field"));
  }

  @Test
  void readerConfig_maxItemsAndItsPath_areExclusive() {
    String fields =
        "\"ItemReader\": {\"Resource\": \"arn:r\", \"ReaderConfig\": {\"MaxItems\": 5,"
            + " \"MaxItemsPath\": \"$.m\"}}";

    assertThat(placed(mapWith(fields)))
        .containsExactly(
            tuple("/States/M/ItemReader/ReaderConfig/MaxItemsPath", 3, 77, "exclusive-fields"));
  }

  @Test
  void resultWriter_unknownField_isUnknownField() {
    String fields = "\"ResultWriter\": {\"Resource\": \"arn:w\", \"Argument\": {}}";

    assertThat(placed(mapWith(fields)))
        .containsExactly(tuple("/States/M/ResultWriter/Argument", 3, 47, "unknown-field"));
  }

  @Test
  void jsonataMap_itemsExpressionAndArray_areValid() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Items": "{% $states.input.list %}", "MaxConcurrency": "{% $n %}",
                "ItemSelector": {"v": "{% $states.context.Map.Item.Value %}"}, "Next": "N",
                "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}},
          "N": {"Type": "Map", "Items": [1, 2], "End": true,
                "ItemProcessor": {"StartAt": "Q", "States": {"Q": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(Validator.validate(json)).isEmpty();
  }

  @Test
  void jsonataMap_itemsNumber_isInvalidType() {
    String json =
        """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Items": 3, "End": true,
                "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}
        }}
        """;

    assertThat(placed(json)).containsExactly(tuple("/States/M/Items", 2, 33, "invalid-type"));
  }
}
