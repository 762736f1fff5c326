package dev.mercury.language.validate;

import dev.mercury.language.validate.LocatedJson.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The diagnostics found so far, each placed at the line and column its site starts at. */
final class Findings {
  private final LocatedJson document;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  Findings(LocatedJson document) {
    this.document = document;
    diagnostics.addAll(document.duplicates());
  }

  /** Reports a problem with the value at the site, or with its absence. */
  void add(Site site, String code, String detail) {
    record(site, document.valueAt(site.pointer()), code, detail);
  }

  /** Reports a problem with the key of the field at the site, such as an unknown field. */
  void addAtKey(Site site, String code, String detail) {
    record(site, document.keyAt(site.pointer()), code, detail);
  }

  List<Diagnostic> sorted() {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return List.copyOf(sorted);
  }

  private void record(Site site, Position at, String code, String detail) {
    String message = site.owner() + ": " + detail;
    diagnostics.add(new Diagnostic(site.pointer(), at.line(), at.column(), code, message));
  }
}
