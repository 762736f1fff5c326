package dev.mercury.store.memory;

import dev.mercury.transition.Dispatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/** Timers kept in memory in due order, shared by the in-memory stores. */
final class Timers {
  private final PriorityQueue<Dispatch.Timer> queue =
      new PriorityQueue<>(Comparator.comparingLong(Dispatch.Timer::dueMillis));

  synchronized void addAll(List<Dispatch.Timer> timers) {
    queue.addAll(timers);
  }

  synchronized List<Dispatch.Timer> claimDue(long now, int max) {
    List<Dispatch.Timer> due = new ArrayList<>();
    while (due.size() < max && !queue.isEmpty() && queue.peek().dueMillis() <= now) {
      due.add(queue.poll());
    }
    return due;
  }

  synchronized OptionalLong nextDue() {
    Dispatch.Timer first = queue.peek();
    return first == null ? OptionalLong.empty() : OptionalLong.of(first.dueMillis());
  }
}
