package dev.mercury.language.validate;

import dev.mercury.language.text.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which fields each state type has in each query language, and the report of a field a state does
 * not have: unknown, or belonging to the other query language.
 */
final class StateFields {
  static final List<String> TYPES =
      List.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private static final List<String> COMMON = words("Type Comment QueryLanguage");

  private static final Map<String, List<String>> JSONPATH =
      Map.of(
          "Pass", words("InputPath OutputPath Parameters Result ResultPath Assign Next End"),
          "Task",
              words(
                  "Resource InputPath OutputPath Parameters ResultSelector ResultPath Retry Catch"
                      + " TimeoutSeconds TimeoutSecondsPath HeartbeatSeconds HeartbeatSecondsPath"
                      + " Credentials Assign Next End"),
          "Choice", words("Choices Default InputPath OutputPath Assign"),
          "Wait",
              words(
                  "Seconds SecondsPath Timestamp TimestampPath InputPath OutputPath Assign Next"
                      + " End"),
          "Succeed", words("InputPath OutputPath"),
          "Fail", words("Error ErrorPath Cause CausePath"),
          "Parallel",
              words(
                  "Branches InputPath OutputPath Parameters ResultSelector ResultPath Retry Catch"
                      + " Assign Next End"),
          "Map",
              words(
                  "ItemProcessor Iterator ItemsPath ItemReader ItemSelector Parameters ItemBatcher"
                      + " ResultWriter MaxConcurrency MaxConcurrencyPath ToleratedFailurePercentage"
                      + " ToleratedFailurePercentagePath ToleratedFailureCount"
                      + " ToleratedFailureCountPath Label InputPath OutputPath ResultSelector"
                      + " ResultPath Retry Catch Assign Next End"));

  private static final Map<String, List<String>> JSONATA =
      Map.of(
          "Pass", words("Output Assign Next End"),
          "Task",
              words(
                  "Resource Arguments Output Retry Catch TimeoutSeconds HeartbeatSeconds"
                      + " Credentials Assign Next End"),
          "Choice", words("Choices Default Output Assign"),
          "Wait", words("Seconds Timestamp Output Assign Next End"),
          "Succeed", words("Output"),
          "Fail", words("Error Cause"),
          "Parallel", words("Branches Arguments Output Retry Catch Assign Next End"),
          "Map",
              words(
                  "ItemProcessor Iterator Items ItemReader ItemSelector ItemBatcher ResultWriter"
                      + " MaxConcurrency ToleratedFailurePercentage ToleratedFailureCount Label"
                      + " Output Retry Catch Assign Next End"));

  /** What a JSONata state uses instead of a JSONPath-only field. */
  private static final Map<String, String> JSONATA_INSTEAD =
      Map.of(
          "InputPath", "read the input as $states.input in 'Arguments' or 'Output' instead",
          "Parameters", "use 'Arguments' instead",
          "ResultSelector", "shape the result in 'Output' instead",
          "ResultPath", "combine input and result in 'Output', or keep values with 'Assign'",
          "OutputPath", "use 'Output' instead",
          "Result", "use 'Output' instead",
          "ItemsPath", "use 'Items' instead");

  private final Findings findings;

  StateFields(Findings findings) {
    this.findings = findings;
  }

  private static List<String> words(String names) {
    return List.of(names.split(" "));
  }

  static List<String> allowed(String type, QueryLanguage language) {
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll((language == QueryLanguage.JSONATA ? JSONATA : JSONPATH).get(type));
    return allowed;
  }

  void check(StateSite state) {
    List<String> allowed = allowed(state.type(), state.language());
    for (String name : state.site().fieldNames()) {
      if (!allowed.contains(name)) {
        report(state, name, allowed);
      }
    }
  }

  private void report(StateSite state, String name, List<String> allowed) {
    Site field = state.site().field(name);
    QueryLanguage other = state.jsonata() ? QueryLanguage.JSONPATH : QueryLanguage.JSONATA;
    if (!allowed(state.type(), other).contains(name)) {
      String detail = "'%s' is not a field of a %s state%s";
      String end = ending(state.type(), name, allowed);
      findings.addAtKey(field, "unknown-field", detail.formatted(name, state.type(), end));
    } else if (state.jsonata()) {
      String detail = "'%s' is a JSONPath field, and this state uses JSONata; %s.";
      findings.addAtKey(field, "jsonpath-only-field", detail.formatted(name, instead(state, name)));
    } else {
      String detail =
          "'%s' is a JSONata field, and this state uses JSONPath; set"
              + " \"QueryLanguage\": \"JSONata\" on the state to use it.";
      findings.addAtKey(field, "jsonata-only-field", detail.formatted(name));
    }
  }

  private static String ending(String type, String name, List<String> allowed) {
    boolean transition = name.equals("Next") || name.equals("End");
    if (transition && type.equals("Choice")) {
      return "; a Choice state moves on through its 'Choices' and 'Default'.";
    }
    if (transition && (type.equals("Succeed") || type.equals("Fail"))) {
      return "; Succeed and Fail states always end their execution or branch.";
    }
    String suggestion = Spelling.suggestion(name, allowed);
    return suggestion.isEmpty() ? "." : suggestion;
  }

  private static String instead(StateSite state, String name) {
    if (name.equals("Parameters") && state.type().equals("Map")) {
      return "use 'ItemSelector' instead";
    }
    String hint = JSONATA_INSTEAD.get(name);
    if (hint != null || !name.endsWith("Path")) {
      return hint != null ? hint : "remove it";
    }
    String plain = name.substring(0, name.length() - "Path".length());
    return "give '%s' a JSONata expression \"{%% ... %%}\" instead".formatted(plain);
  }
}
