package dev.mercury.store.codec;

import dev.mercury.language.json.Json;
import dev.mercury.language.model.StateMachine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON text of recently encoded state machines, found by the parsed object's identity: every
 * checkpoint carries its definition, which is larger than the rest of a small checkpoint, and it is
 * the same text each time. Identity, not equality, since comparing two definitions costs as much as
 * writing one.
 */
final class DefinitionTexts {
  private static final int KEPT = 256;

  private record Identity(StateMachine machine) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.machine == machine;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(machine);
    }
  }

  private final Map<Identity, String> texts =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, String> eldest) {
          return size() > KEPT;
        }
      };

  synchronized String of(StateMachine machine) {
    return texts.computeIfAbsent(new Identity(machine), key -> Json.write(machine.definition()));
  }

  synchronized void remember(StateMachine machine, String text) {
    texts.put(new Identity(machine), text);
  }
}
