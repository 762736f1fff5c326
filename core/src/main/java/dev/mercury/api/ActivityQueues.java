package dev.mercury.api;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The tasks scheduled on each activity, waiting for a worker's GetActivityTask, and the workers
 * waiting for a task. A waiting worker is a future its request's own thread waits on, so no other
 * thread is held per poller; a task arriving completes the oldest waiting future.
 *
 * <p>The queues live in memory: after a restart the engine schedules each waiting activity task
 * again (see {@code Projector}), which puts it back here. A task whose Task state no longer waits
 * (it timed out, the execution stopped) stays queued until a poll finds it stale and drops it.
 */
final class ActivityQueues {
  /** A task for an activity worker: its token and its input as JSON text. */
  record ActivityTask(String activityArn, String token, String input) {}

  private final Map<String, Queue<ActivityTask>> tasks = new HashMap<>();
  private final Map<String, Queue<CompletableFuture<ActivityTask>>> pollers = new HashMap<>();
  private final Set<String> queuedTokens = new HashSet<>();

  /** Hands the task to a waiting worker, or queues it; a task already queued is not doubled. */
  synchronized void offer(ActivityTask task) {
    Queue<CompletableFuture<ActivityTask>> waiting = pollers.get(task.activityArn());
    while (waiting != null && !waiting.isEmpty()) {
      if (waiting.poll().complete(task)) {
        return;
      }
    }
    if (queuedTokens.add(task.token())) {
      tasks.computeIfAbsent(task.activityArn(), arn -> new ArrayDeque<>()).add(task);
    }
  }

  /** The next task for the activity, now if one is queued, or when one arrives. */
  synchronized CompletableFuture<ActivityTask> poll(String activityArn) {
    Queue<ActivityTask> queued = tasks.get(activityArn);
    if (queued != null && !queued.isEmpty()) {
      ActivityTask task = queued.poll();
      queuedTokens.remove(task.token());
      return CompletableFuture.completedFuture(task);
    }
    CompletableFuture<ActivityTask> waiting = new CompletableFuture<>();
    pollers.computeIfAbsent(activityArn, arn -> new ArrayDeque<>()).add(waiting);
    return waiting;
  }

  /** Forgets a poller that gave up waiting. */
  synchronized void abandon(String activityArn, CompletableFuture<ActivityTask> waiting) {
    Queue<CompletableFuture<ActivityTask>> queue = pollers.get(activityArn);
    if (queue != null) {
      queue.remove(waiting);
    }
  }
}
