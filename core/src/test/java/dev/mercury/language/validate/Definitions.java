package dev.mercury.language.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.groups.Tuple;

/** Runs the validator on a definition and keeps what the tests compare. */
final class Definitions {
  private Definitions() {}

  /** Each diagnostic as (pointer, line, column, code), in the validator's order. */
  static List<Tuple> placed(String definition) {
    return Validator.validate(definition).stream()
        .map(d -> tuple(d.pointer(), d.line(), d.column(), d.code()))
        .toList();
  }

  /** The one diagnostic the definition has; fails when it has none or several. */
  static Diagnostic only(String definition) {
    List<Diagnostic> diagnostics = Validator.validate(definition);
    assertThat(diagnostics).hasSize(1);
    return diagnostics.get(0);
  }
}
