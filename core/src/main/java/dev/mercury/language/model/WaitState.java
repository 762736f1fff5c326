package dev.mercury.language.model;

/** Waits for some seconds or until a timestamp, one of which is given. */
public record WaitState(StateFields fields, DynamicValue seconds, DynamicValue timestamp)
    implements State {
  @Override
  public String typeName() {
    return "Wait";
  }
}
