package dev.mercury.language.model;

import java.util.List;

/** Runs every branch on the same input and collects their outputs in order. */
public record ParallelState(
    StateFields fields, List<Program> branches, List<Retrier> retriers, List<Catcher> catchers)
    implements State, Recoverable {
  @Override
  public String typeName() {
    return "Parallel";
  }
}
