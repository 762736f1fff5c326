package dev.mercury.language.validate;

import java.util.List;

/**
 * Checks the fields that move data through a state. JSONPath states: InputPath, Parameters,
 * ResultSelector, ResultPath and OutputPath. JSONata states: Arguments, and no {@code .$} keys,
 * which only mean something in JSONPath. Output and Result hold any JSON.
 */
final class DataFlowRules {
  /**
   * Fields not searched for {@code .$} keys in JSONata states: those holding other states, which
   * are checked as states of their own, and Output, where AWS keeps such a key as a literal one (a
   * recorded execution returned {"a.$": "$"} unchanged).
   */
  private static final List<String> NOT_SEARCHED =
      List.of("Branches", "ItemProcessor", "Iterator", "Output");

  private final Inspection inspection;

  DataFlowRules(Inspection inspection) {
    this.inspection = inspection;
  }

  void check(StateSite state) {
    if (state.jsonata()) {
      checkJsonata(state);
    } else {
      checkJsonPath(state.site());
    }
  }

  private void checkJsonPath(Site site) {
    PathRules paths = inspection.paths();
    paths.path(site, "InputPath", true);
    paths.path(site, "OutputPath", true);
    paths.referencePath(site, "ResultPath", true);
    paths.template(site, "Parameters");
    paths.template(site, "ResultSelector");
  }

  private void checkJsonata(StateSite state) {
    Site site = state.site();
    inspection.types().objectOrExpression(site, "Arguments", QueryLanguage.JSONATA);
    List<String> allowed = StateFields.allowed(state.type(), QueryLanguage.JSONATA);
    for (String name : site.fieldNames()) {
      if (allowed.contains(name) && !NOT_SEARCHED.contains(name)) {
        findDollarKeys(site.field(name));
      }
    }
  }

  private void findDollarKeys(Site value) {
    for (String key : value.fieldNames()) {
      Site child = value.field(key);
      if (key.endsWith(".$")) {
        String name = key.substring(0, key.length() - 2);
        String detail =
            "'%s' ends in '.$', which marks a path only in JSONPath states; this state"
                + " uses JSONata, so name the field '%s' and write its value as \"{%% ... %%}\".";
        inspection
            .findings()
            .addAtKey(child, "jsonpath-key-in-jsonata", detail.formatted(key, name));
      }
      findDollarKeys(child);
    }
    value.items().forEach(this::findDollarKeys);
  }
}
