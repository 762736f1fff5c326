package dev.mercury.language.model;

import java.util.List;

/** A state that may carry Retry and Catch: Task, Parallel and Map. */
public interface Recoverable {
  List<Retrier> retriers();

  List<Catcher> catchers();
}
