package dev.mercury.language.model;

/**
 * One state of a state machine. Each type is its own record; the fields every type may carry (input
 * and output processing, its transition, its language) are in {@link StateFields}.
 */
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  StateFields fields();

  /** The name AWS uses for the type in history events, as in {@code PassStateEntered}. */
  String typeName();

  default String name() {
    return fields().name();
  }

  default String next() {
    return fields().next();
  }

  default boolean isEnd() {
    return fields().end();
  }

  default QueryLanguage queryLanguage() {
    return fields().queryLanguage();
  }

  default Assignment assign() {
    return fields().assign();
  }
}
