package dev.mercury.language.validate;

import java.util.List;

/**
 * Checks the Map fields that reach outside the state: ItemReader (where items come from),
 * ItemBatcher (how items are grouped) and ResultWriter (where results go). Their service-specific
 * settings (ReaderConfig, WriterConfig) are passed on unchecked but for MaxItems.
 */
final class MapResourceRules {
  private final Inspection inspection;
  private final FieldTypes types;

  MapResourceRules(Inspection inspection) {
    this.inspection = inspection;
    this.types = inspection.types();
  }

  void check(StateSite state) {
    Site site = state.site();
    QueryLanguage language = state.language();
    if (types.object(site, "ItemReader")) {
      reader(site.field("ItemReader"), language);
    }
    if (types.object(site, "ItemBatcher")) {
      batcher(site.field("ItemBatcher"), language);
    }
    if (types.object(site, "ResultWriter")) {
      writer(site.field("ResultWriter"), language);
    }
  }

  private void reader(Site reader, QueryLanguage language) {
    inspection.fields().check(reader, withPayload("ReaderConfig", language), "an ItemReader");
    types.require(reader, "Resource", ": the ARN of the action that reads the items");
    types.string(reader, "Resource");
    payload(reader, language);
    if (types.object(reader, "ReaderConfig")) {
      inspection.integerOrPath(reader.field("ReaderConfig"), "MaxItems", 1, language);
    }
  }

  private void batcher(Site batcher, QueryLanguage language) {
    boolean jsonata = language == QueryLanguage.JSONATA;
    List<String> fields =
        jsonata
            ? List.of("MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput")
            : List.of(
                "MaxItemsPerBatch",
                "MaxItemsPerBatchPath",
                "MaxInputBytesPerBatch",
                "MaxInputBytesPerBatchPath",
                "BatchInput");
    inspection.fields().check(batcher, fields, "an ItemBatcher");
    inspection.integerOrPath(batcher, "MaxItemsPerBatch", 1, language);
    inspection.integerOrPath(batcher, "MaxInputBytesPerBatch", 1, language);
    if (jsonata) {
      types.objectOrExpression(batcher, "BatchInput", language);
    } else {
      inspection.paths().template(batcher, "BatchInput");
    }
    if (fields.stream().filter(f -> !f.equals("BatchInput")).noneMatch(batcher::has)) {
      String detail =
          "an ItemBatcher needs 'MaxItemsPerBatch' or 'MaxInputBytesPerBatch'%s to"
              + " say how large a batch may grow.";
      String paths = jsonata ? "" : " (or one of their Path forms)";
      inspection.findings().add(batcher, "missing-field", detail.formatted(paths));
    }
  }

  private void writer(Site writer, QueryLanguage language) {
    inspection.fields().check(writer, withPayload("WriterConfig", language), "a ResultWriter");
    if (!writer.has("WriterConfig")) {
      types.require(writer, "Resource", ": the ARN of the action that writes the results");
    }
    types.string(writer, "Resource");
    payload(writer, language);
    types.object(writer, "WriterConfig");
  }

  private void payload(Site object, QueryLanguage language) {
    if (language == QueryLanguage.JSONATA) {
      types.objectOrExpression(object, "Arguments", language);
    } else {
      inspection.paths().template(object, "Parameters");
    }
  }

  private static List<String> withPayload(String config, QueryLanguage language) {
    String payload = language == QueryLanguage.JSONATA ? "Arguments" : "Parameters";
    return List.of("Resource", payload, config);
  }
}
