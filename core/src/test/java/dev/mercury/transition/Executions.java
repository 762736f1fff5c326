package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercury.engine.Engine;
import dev.mercury.engine.VirtualClock;
import dev.mercury.invoke.NoInvoker;
import dev.mercury.language.json.Json;
import dev.mercury.language.parse.DefinitionParser;
import dev.mercury.port.CheckpointStore;
import dev.mercury.port.Invoker;
import dev.mercury.store.memory.EncodedCheckpointStore;
import dev.mercury.store.memory.MemoryCheckpointStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Runs definitions to their end for tests, on either in-memory store. */
final class Executions {
  record Ended(Checkpoint checkpoint, List<HistoryEvent> history) {
    JsonNode output() {
      return checkpoint.output;
    }

    /** The output read back from its text, so numbers compare by value as in JSON. */
    JsonNode out() {
      return checkpoint.output == null ? null : json(Json.write(checkpoint.output));
    }

    /** The first event of the type, or an assertion failure naming the types there are. */
    HistoryEvent first(String type) {
      return history.stream()
          .filter(e -> e.type().equals(type))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + type + " in " + types()));
    }

    List<String> types() {
      return history.stream().map(HistoryEvent::type).toList();
    }
  }

  private Executions() {}

  static Ended run(String definition, String input) {
    return run(definition, input, new NoInvoker(), false);
  }

  static Ended run(
      String definition, String input, Function<InvokeRequest, StepMessage.TaskResult> tasks) {
    return run(
        definition,
        input,
        request -> CompletableFuture.completedFuture(tasks.apply(request)),
        false);
  }

  /**
   * When every execution starts: 2025-01-01T00:00:00Z on a virtual clock, so Waits take no time.
   */
  static final long START_MILLIS = 1_735_689_600_000L;

  /** Runs on the store that decodes a fresh checkpoint for every transition when encoded. */
  static Ended run(String definition, String input, Invoker invoker, boolean encoded) {
    CheckpointStore store = encoded ? new EncodedCheckpointStore() : new MemoryCheckpointStore();
    Engine engine = new Engine(store, invoker, new VirtualClock(START_MILLIS));
    Checkpoint started =
        engine.start(DefinitionParser.parse(definition), Arns.stateMachine("test"), "run", input);
    try {
      Checkpoint ended = engine.runToEnd(started.executionArn);
      return new Ended(ended, store.history(ended.executionArn));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode json(String text) {
    return Json.parseTrusted(text);
  }
}
