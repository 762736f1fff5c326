package dev.mercury.language.validate;

/** Checks what only a Task state has: its Resource, timeouts and credentials. */
final class TaskRules {
  private final Inspection inspection;
  private final FieldTypes types;

  TaskRules(Inspection inspection) {
    this.inspection = inspection;
    this.types = inspection.types();
  }

  void check(StateSite state) {
    Site site = state.site();
    types.require(site, "Resource", ": the URI or ARN of the work to run");
    types.string(site, "Resource");

    boolean timeout = seconds(state, "TimeoutSeconds");
    boolean heartbeat = seconds(state, "HeartbeatSeconds");
    if (timeout && heartbeat) {
      heartbeatBelowTimeout(site);
    }

    if (state.jsonata()) {
      types.objectOrExpression(site, "Credentials", QueryLanguage.JSONATA);
    } else {
      inspection.paths().template(site, "Credentials");
    }
  }

  private boolean seconds(StateSite state, String field) {
    return inspection.integerOrPath(state.site(), field, 1, state.language());
  }

  private void heartbeatBelowTimeout(Site site) {
    long timeout = site.field("TimeoutSeconds").node().longValue();
    long heartbeat = site.field("HeartbeatSeconds").node().longValue();
    if (heartbeat >= timeout) {
      String detail = "'HeartbeatSeconds' (%d) must be smaller than 'TimeoutSeconds' (%d).";
      inspection
          .findings()
          .add(
              site.field("HeartbeatSeconds"),
              "invalid-heartbeat",
              detail.formatted(heartbeat, timeout));
    }
  }
}
