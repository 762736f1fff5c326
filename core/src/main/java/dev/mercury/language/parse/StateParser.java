package dev.mercury.language.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.language.intrinsic.IntrinsicFunction;
import dev.mercury.language.model.Assignment;
import dev.mercury.language.model.Catcher;
import dev.mercury.language.model.ChoiceState;
import dev.mercury.language.model.DynamicValue;
import dev.mercury.language.model.FailState;
import dev.mercury.language.model.MapState;
import dev.mercury.language.model.ParallelState;
import dev.mercury.language.model.PassState;
import dev.mercury.language.model.PayloadTemplate;
import dev.mercury.language.model.Program;
import dev.mercury.language.model.QueryLanguage;
import dev.mercury.language.model.ResultPath;
import dev.mercury.language.model.Retrier;
import dev.mercury.language.model.State;
import dev.mercury.language.model.StateFields;
import dev.mercury.language.model.StateFields.DataPath;
import dev.mercury.language.model.SucceedState;
import dev.mercury.language.model.TaskState;
import dev.mercury.language.model.WaitState;
import dev.mercury.language.path.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** Parses one state object into its record. */
final class StateParser {
  private final String name;
  private final JsonNode node;
  private final String pointer;
  private final QueryLanguage language;

  StateParser(String name, JsonNode node, QueryLanguage inherited, String pointer) {
    this.name = name;
    this.node = node;
    this.pointer = pointer;
    this.language = DefinitionParser.languageOf(node, inherited, pointer);
  }

  State parse() {
    if (!node.isObject()) {
      throw new DefinitionException(pointer, "a state must be a JSON object");
    }
    String type = DefinitionParser.text(node, "Type");
    if (type == null) {
      throw new DefinitionException(pointer + "/Type", "the state has no Type");
    }
    StateFields fields = fields();
    return switch (type) {
      case "Pass" -> new PassState(fields, node.get("Result"));
      case "Succeed" -> new SucceedState(fields);
      case "Fail" -> new FailState(fields, dynamic("Error"), dynamic("Cause"));
      case "Wait" -> new WaitState(fields, dynamic("Seconds"), dynamic("Timestamp"));
      case "Choice" ->
          new ChoiceState(
              fields,
              new ChoiceParser(pointer, language).rules(node.get("Choices")),
              DefinitionParser.text(node, "Default"));
      case "Task" -> task(fields);
      case "Parallel" -> parallel(fields);
      case "Map" -> map(fields);
      default ->
          throw new DefinitionException(pointer + "/Type", "unknown state type '" + type + "'");
    };
  }

  private StateFields fields() {
    return new StateFields(
        name,
        DefinitionParser.text(node, "Comment"),
        DefinitionParser.text(node, "Next"),
        node.path("End").asBoolean(false),
        language,
        dataPath("InputPath"),
        template("Parameters"),
        template("ResultSelector"),
        resultPath(node, "ResultPath", pointer),
        dataPath("OutputPath"),
        node.get("Arguments"),
        node.get("Output"),
        assignment(node.get("Assign"), "Assign"));
  }

  private TaskState task(StateFields fields) {
    String resource = DefinitionParser.text(node, "Resource");
    if (resource == null) {
      throw new DefinitionException(pointer + "/Resource", "a Task state needs a Resource");
    }
    return new TaskState(
        fields,
        resource,
        dynamic("TimeoutSeconds"),
        dynamic("HeartbeatSeconds"),
        retriers(),
        catchers(),
        node.get("Credentials"));
  }

  private ParallelState parallel(StateFields fields) {
    List<Program> branches = new ArrayList<>();
    JsonNode list = node.path("Branches");
    for (int i = 0; i < list.size(); i++) {
      branches.add(DefinitionParser.program(list.get(i), language, pointer + "/Branches/" + i));
    }
    return new ParallelState(fields, List.copyOf(branches), retriers(), catchers());
  }

  private MapState map(StateFields fields) {
    String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode processorNode = node.get(processorField);
    if (processorNode == null) {
      throw new DefinitionException(
          pointer + "/ItemProcessor", "a Map state needs an ItemProcessor");
    }
    Program processor =
        DefinitionParser.program(processorNode, language, pointer + "/" + processorField);
    String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
    boolean jsonata = language == QueryLanguage.JSONATA;
    return new MapState(
        fields,
        processor,
        path("ItemsPath"),
        node.get("Items"),
        jsonata ? null : template(selectorField),
        jsonata ? node.get("ItemSelector") : null,
        dynamic("MaxConcurrency"),
        dynamic("ToleratedFailureCount"),
        dynamic("ToleratedFailurePercentage"),
        batcher(),
        DefinitionParser.text(node, "Label"),
        retriers(),
        catchers());
  }

  private MapState.ItemBatcher batcher() {
    JsonNode batcher = node.get("ItemBatcher");
    if (batcher == null) {
      return null;
    }
    StateParser inner = new StateParser(name, batcher, language, pointer + "/ItemBatcher");
    JsonNode batchInput = batcher.get("BatchInput");
    return new MapState.ItemBatcher(
        inner.dynamic("MaxItemsPerBatch"), inner.dynamic("MaxInputBytesPerBatch"), batchInput);
  }

  private List<Retrier> retriers() {
    List<Retrier> retriers = new ArrayList<>();
    for (JsonNode retry : node.path("Retry")) {
      retriers.add(
          new Retrier(
              strings(retry.path("ErrorEquals")),
              retry.path("IntervalSeconds").asDouble(1),
              retry.path("MaxAttempts").asInt(3),
              retry.path("BackoffRate").asDouble(2.0),
              retry.has("MaxDelaySeconds") ? retry.get("MaxDelaySeconds").asInt() : null,
              "FULL".equals(retry.path("JitterStrategy").asText())));
    }
    return List.copyOf(retriers);
  }

  private List<Catcher> catchers() {
    List<Catcher> catchers = new ArrayList<>();
    JsonNode list = node.path("Catch");
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      catchers.add(
          new Catcher(
              strings(c.path("ErrorEquals")),
              DefinitionParser.text(c, "Next"),
              resultPath(c, "ResultPath", pointer + "/Catch/" + i),
              assignment(c.get("Assign"), "Catch/" + i + "/Assign"),
              c.get("Output")));
    }
    return List.copyOf(catchers);
  }

  private Assignment assignment(JsonNode raw, String field) {
    try {
      return Assignment.of(raw, language);
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(pointer + "/" + field, e.getMessage());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }

  /** A field given as a value or, in JSONPath states, as {@code <field>Path}. */
  DynamicValue dynamic(String field) {
    JsonNode literal = node.get(field);
    JsonNode pathField = node.get(field + "Path");
    if (pathField != null && IntrinsicFunction.isCall(pathField.asText())) {
      return new DynamicValue(field, null, null, intrinsic(field + "Path", pathField.asText()));
    }
    JsonPath path = path(field + "Path");
    if (path == null && literal == null) {
      return null;
    }
    return new DynamicValue(field, literal, path, null);
  }

  private IntrinsicFunction intrinsic(String field, String text) {
    try {
      return IntrinsicFunction.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(pointer + "/" + field, e.getMessage());
    }
  }

  private JsonPath path(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    try {
      return JsonPath.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(pointer + "/" + field, "invalid path: " + e.getMessage());
    }
  }

  private DataPath dataPath(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return DataPath.ALL;
    }
    if (value.isNull()) {
      return DataPath.NONE;
    }
    return DataPath.of(path(field));
  }

  private PayloadTemplate template(String field) {
    JsonNode value = node.get(field);
    if (value == null || language == QueryLanguage.JSONATA) {
      return null;
    }
    try {
      return PayloadTemplate.compile(value);
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(pointer + "/" + field, e.getMessage());
    }
  }

  static ResultPath resultPath(JsonNode owner, String field, String pointer) {
    JsonNode value = owner.get(field);
    if (value == null) {
      return ResultPath.REPLACE;
    }
    if (value.isNull()) {
      return ResultPath.DISCARD;
    }
    JsonPath path;
    try {
      path = JsonPath.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw new DefinitionException(pointer + "/" + field, "invalid path: " + e.getMessage());
    }
    List<Object> steps = path.steps();
    if (steps == null || path.root() != JsonPath.Root.INPUT) {
      throw new DefinitionException(
          pointer + "/" + field,
          "ResultPath must be a reference path of names and indexes, not '" + value.asText() + "'");
    }
    return new ResultPath(value.asText(), List.copyOf(steps), false);
  }
}
