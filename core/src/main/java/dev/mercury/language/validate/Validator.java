package dev.mercury.language.validate;

import dev.mercury.language.intrinsic.IntrinsicFunction;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Validates an Amazon States Language definition, as {@code mercury validate} reports it: every
 * problem at once, each with the JSON pointer, line and column of the value it is about.
 *
 * <p>Checks run on a located tree (see {@link LocatedJsonReader}) in layers: the top level, then
 * each scope of states (the machine, each Parallel branch, each Map processor), each state's fields
 * by type and query language, and finally the flow graph of each scope. A problem found in one
 * layer does not stop the others, but values of the wrong type are not checked more deeply.
 */
public final class Validator {
  private Validator() {}

  /** The problems in the definition, sorted by line and column; empty when it is valid. */
  public static List<Diagnostic> validate(String definitionText) {
    return validate(definitionText, IntrinsicFunction::parse);
  }

  /**
   * Like {@link #validate(String)}, with the syntax check for intrinsic function calls such as
   * {@code States.Format('{}', $.name)} supplied by the caller.
   *
   * @param intrinsicSyntax accepts the text of a call, or throws {@link IllegalArgumentException}
   *     whose message says what is wrong
   */
  public static List<Diagnostic> validate(String definitionText, Consumer<String> intrinsicSyntax) {
    Objects.requireNonNull(definitionText, "definitionText");
    Objects.requireNonNull(intrinsicSyntax, "intrinsicSyntax");
    LocatedJson document;
    try {
      document = LocatedJsonReader.read(definitionText);
    } catch (InvalidJsonException e) {
      return List.of(e.diagnostic());
    }
    Findings findings = new Findings(document);
    new MachineRules(Inspection.of(findings, intrinsicSyntax)).check(Site.root(document.root()));
    return findings.sorted();
  }
}
