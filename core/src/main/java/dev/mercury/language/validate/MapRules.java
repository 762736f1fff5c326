package dev.mercury.language.validate;

import java.util.List;

/**
 * Checks a Map state: the processor its items run through, where the items come from, how many run
 * at once and fail before the state fails, and its Label. The processor's states are a scope of
 * their own; ItemReader, ItemBatcher and ResultWriter are checked by {@link MapResourceRules}.
 */
final class MapRules {
  /** The fields of an ItemProcessor, and of the older Iterator, which AWS reads alike. */
  static final List<String> PROCESSOR_FIELDS =
      List.of("StartAt", "States", "ProcessorConfig", "Comment");

  /** AWS's limit on a Label, which becomes part of the Map Run's name. */
  static final int LONGEST_LABEL = 40;

  /** Characters AWS does not allow in names that become part of an ARN. */
  private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

  private final Inspection inspection;
  private final FieldTypes types;
  private final MapResourceRules resources;

  MapRules(Inspection inspection) {
    this.inspection = inspection;
    this.types = inspection.types();
    this.resources = new MapResourceRules(inspection);
  }

  void check(StateSite state) {
    Site site = state.site();
    processor(site);
    items(state);
    limits(state);
    label(site);
    resources.check(state);
  }

  private void processor(Site site) {
    types.exclusive(site, "ItemProcessor", "Iterator");
    if (!site.has("ItemProcessor") && !site.has("Iterator")) {
      types.require(
          site, "ItemProcessor", ": the 'StartAt' and 'States' that each item runs through");
    }
    for (String field : List.of("ItemProcessor", "Iterator")) {
      if (types.object(site, field)) {
        Site processor = site.field(field);
        inspection.fields().check(processor, PROCESSOR_FIELDS, "an " + field);
        processorConfig(processor);
      }
    }
  }

  private void processorConfig(Site processor) {
    if (types.object(processor, "ProcessorConfig")) {
      Site config = processor.field("ProcessorConfig");
      inspection.fields().check(config, List.of("Mode", "ExecutionType"), "a ProcessorConfig");
      types.oneOf(config, "Mode", List.of("INLINE", "DISTRIBUTED"));
      types.oneOf(config, "ExecutionType", List.of("STANDARD", "EXPRESS"));
    }
  }

  private void items(StateSite state) {
    Site site = state.site();
    if (state.jsonata()) {
      types.arrayOrExpression(site, "Items");
      types.objectOrExpression(site, "ItemSelector", QueryLanguage.JSONATA);
    } else {
      inspection.paths().path(site, "ItemsPath", false);
      inspection.paths().template(site, "ItemSelector");
      types.exclusive(site, "ItemSelector", "Parameters");
    }
  }

  private void limits(StateSite state) {
    Site site = state.site();
    inspection.integerOrPath(site, "MaxConcurrency", 0, state.language());
    inspection.integerOrPath(site, "ToleratedFailureCount", 0, state.language());
    types.number(site, "ToleratedFailurePercentage", 0, 100, state.language());
    if (!state.jsonata()) {
      inspection.paths().path(site, "ToleratedFailurePercentagePath", false);
      types.exclusive(site, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    }
  }

  private void label(Site site) {
    if (!types.string(site, "Label")) {
      return;
    }
    Site label = site.field("Label");
    String problem = labelProblem(label.text());
    if (problem != null) {
      inspection.findings().add(label, "invalid-label", "'Label' " + problem + ".");
    }
  }

  /** Why the text cannot be a Map Label, or null when it can. */
  static String labelProblem(String text) {
    if (text.length() > LONGEST_LABEL) {
      return "is longer than " + LONGEST_LABEL + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return "may not hold whitespace, control characters or any of < > { } [ ] ? * \" # % \\"
            + " ^ | ~ ` $ & , ; : /, but it holds "
            + shown(c);
      }
    }
    return null;
  }

  private static String shown(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c)
        ? "the character U+%04X".formatted((int) c)
        : "'" + c + "'";
  }
}
