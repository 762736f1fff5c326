package dev.mercury.transition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.language.json.JsonText;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HistoryEventTest {

  @Test
  void deferred_buildsItsDetailsOnceWhenFirstRead() {
    AtomicInteger builds = new AtomicInteger();
    JsonText input = new JsonText(Json.parseTrusted("{\"a\": [1, \"two\"]}"));
    HistoryEvent event =
        HistoryEvent.deferred(
            2,
            1,
            0,
            "PassStateEntered",
            () -> {
              builds.incrementAndGet();
              return Details.entered("A", input);
            });

    assertThat(builds).hasValue(0);
    ObjectNode details = event.details();
    assertThat(event.details()).isSameAs(details);
    assertThat(builds).hasValue(1);
    assertThat(Json.write(details))
        .isEqualTo(
            "{\"name\":\"A\",\"input\":\"{\\\"a\\\":[1,\\\"two\\\"]}\","
                + "\"inputDetails\":{\"truncated\":false}}");
  }

  @Test
  void deferred_equalsTheEventBuiltAtOnce() {
    JsonText output = new JsonText(Json.parseTrusted("{\"x\": 1}"));
    HistoryEvent now = new HistoryEvent(3, 2, 7, "PassStateExited", Details.exited("A", output));
    HistoryEvent later =
        HistoryEvent.deferred(3, 2, 7, "PassStateExited", () -> Details.exited("A", output));

    assertThat(later).isEqualTo(now).hasSameHashCodeAs(now);
    assertThat(later.toString()).isEqualTo(now.toString());
  }
}
