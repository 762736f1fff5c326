package dev.mercury.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.language.json.Json;
import dev.mercury.store.codec.InvokeCodec;
import dev.mercury.store.codec.StepCodec;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import java.util.Base64;
import java.util.Locale;

/**
 * What the step bridge sends the orchestrator's step function, one JSON object per invocation, and
 * what the function answers:
 *
 * <pre>{@code
 * {"mercury": "step", "message": "<base64 StepMessage protobuf>", "redelivered": false}
 * {"mercury": "invoke", "request": "<base64 InvokeRequest protobuf>"}
 * {"mercury": "tick"}
 * → {"outcome": "committed" | "stale" | "contended" | "early" | "done"}
 * }</pre>
 *
 * The messages keep the bytes they have on the bus, so the envelope adds nothing a new field could
 * break. {@code tick} fires due timers and runs a sweep.
 */
public sealed interface StepEnvelope {
  /** The field that marks a function's input as an envelope rather than an HTTP event. */
  String MARK = "mercury";

  /** A step message to take as one transition. */
  record Step(StepMessage message, boolean redelivered) implements StepEnvelope {}

  /** A Task's call to make, whose result goes on the bus as a step. */
  record Invoke(InvokeRequest request) implements StepEnvelope {}

  /** Fire due timers and send again the work of executions that stood still. */
  record Tick() implements StepEnvelope {}

  /** Whether {@code input} is an envelope. */
  static boolean is(JsonNode input) {
    return input.isObject() && input.path(MARK).isTextual();
  }

  /** Reads an envelope; a malformed one is an {@link IllegalArgumentException}. */
  static StepEnvelope read(JsonNode input) {
    String kind = input.path(MARK).asText("");
    try {
      return switch (kind) {
        case "step" ->
            new Step(
                StepCodec.decode(bytes(input, "message")), input.path("redelivered").asBoolean());
        case "invoke" -> new Invoke(InvokeCodec.decode(bytes(input, "request")));
        case "tick" -> new Tick();
        default ->
            throw new IllegalArgumentException(
                "\"mercury\" must be step, invoke or tick, got '" + kind + "'");
      };
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("the " + kind + " envelope is unreadable: " + e, e);
    }
  }

  private static byte[] bytes(JsonNode input, String field) {
    JsonNode value = input.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("the envelope needs \"" + field + "\" in base64");
    }
    return Base64.getDecoder().decode(value.asText());
  }

  /** This envelope as the JSON the step function takes. */
  default ObjectNode toJson() {
    ObjectNode json = Json.object();
    switch (this) {
      case Step step -> {
        json.put(MARK, "step");
        json.put("message", Base64.getEncoder().encodeToString(StepCodec.encode(step.message())));
        json.put("redelivered", step.redelivered());
      }
      case Invoke invoke -> {
        json.put(MARK, "invoke");
        json.put(
            "request", Base64.getEncoder().encodeToString(InvokeCodec.encode(invoke.request())));
      }
      case Tick tick -> json.put(MARK, "tick");
    }
    return json;
  }

  /** What the step function answers. */
  enum Reply {
    COMMITTED,
    STALE,
    CONTENDED,
    EARLY,
    DONE;

    /** Whether the deliverer may forget the message. */
    public boolean finished() {
      return this != CONTENDED && this != EARLY;
    }

    public String toJson() {
      return "{\"outcome\":\"" + name().toLowerCase(Locale.ROOT) + "\"}";
    }

    /** The reply a step function gave, or null when it is not one. */
    public static Reply of(JsonNode reply) {
      JsonNode outcome = reply == null ? null : reply.get("outcome");
      if (outcome == null || !outcome.isTextual()) {
        return null;
      }
      for (Reply value : values()) {
        if (value.name().equalsIgnoreCase(outcome.asText())) {
          return value;
        }
      }
      return null;
    }

    static Reply of(Stepper.Outcome outcome) {
      return switch (outcome) {
        case COMMITTED -> COMMITTED;
        case STALE -> STALE;
        case CONTENDED -> CONTENDED;
        case EARLY -> EARLY;
      };
    }
  }
}
