package dev.mercury.store.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mercury.language.json.Json;
import dev.mercury.proto.TimerPurpose;
import dev.mercury.transition.StepMessage;

/** Converts step messages to and from their Protocol Buffers form, for stores and buses. */
public final class StepCodec {
  private StepCodec() {}

  public static byte[] encode(StepMessage message) {
    var builder =
        dev.mercury.proto.StepMessage.newBuilder()
            .setExecutionArn(message.executionArn())
            .setFlowId(message.flowId())
            .setSeq(message.seq());
    switch (message.step()) {
      case StepMessage.Start start ->
          builder.setStart(dev.mercury.proto.Start.getDefaultInstance());
      case StepMessage.Advance advance ->
          builder.setAdvance(dev.mercury.proto.Advance.getDefaultInstance());
      case StepMessage.TaskResult result -> builder.setTaskResult(taskResult(result));
      case StepMessage.TimerDue due ->
          builder.setTimerDue(
              dev.mercury.proto.TimerDue.newBuilder()
                  .setPurpose(TimerPurpose.valueOf(due.purpose().name())));
      case StepMessage.Stop stop ->
          builder.setStop(
              dev.mercury.proto.Stop.newBuilder()
                  .setError(nullToEmpty(stop.error()))
                  .setCause(nullToEmpty(stop.cause())));
      case StepMessage.MapRunUpdate update -> builder.setMapRunUpdate(mapRunUpdate(update));
      case StepMessage.Redrive redrive ->
          builder.setRedrive(dev.mercury.proto.Redrive.getDefaultInstance());
      case StepMessage.TaskCallback callback ->
          builder.setTaskCallback(
              dev.mercury.proto.TaskCallback.newBuilder()
                  .setTaskToken(callback.token())
                  .setResult(taskResult(callback.result())));
      case StepMessage.TaskHeartbeat heartbeat ->
          builder.setTaskHeartbeat(
              dev.mercury.proto.TaskHeartbeat.newBuilder().setTaskToken(heartbeat.token()));
      case StepMessage.ActivityStarted started ->
          builder.setActivityStarted(
              dev.mercury.proto.ActivityStarted.newBuilder()
                  .setTaskToken(started.token())
                  .setWorkerName(nullToEmpty(started.workerName())));
    }
    return builder.build().toByteArray();
  }

  private static dev.mercury.proto.TaskResult taskResult(StepMessage.TaskResult result) {
    var builder = dev.mercury.proto.TaskResult.newBuilder().setSucceeded(result.succeeded());
    if (result.succeeded()) {
      builder.setOutputJson(Json.write(result.output()));
    } else {
      builder.setError(result.error()).setCause(nullToEmpty(result.cause()));
    }
    return builder.build();
  }

  public static StepMessage decode(byte[] bytes) {
    dev.mercury.proto.StepMessage p;
    try {
      p = dev.mercury.proto.StepMessage.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a stored step message is not readable", e);
    }
    StepMessage.Step step =
        switch (p.getKindCase()) {
          case START -> new StepMessage.Start();
          case ADVANCE -> new StepMessage.Advance();
          case TASK_RESULT -> taskResult(p.getTaskResult());
          case TIMER_DUE ->
              new StepMessage.TimerDue(
                  StepMessage.TimerPurpose.valueOf(p.getTimerDue().getPurpose().name()));
          case STOP -> new StepMessage.Stop(p.getStop().getError(), p.getStop().getCause());
          case REDRIVE -> new StepMessage.Redrive();
          case MAP_RUN_UPDATE -> mapRunUpdate(p.getMapRunUpdate());
          case TASK_CALLBACK ->
              new StepMessage.TaskCallback(
                  p.getTaskCallback().getTaskToken(), taskResult(p.getTaskCallback().getResult()));
          case TASK_HEARTBEAT -> new StepMessage.TaskHeartbeat(p.getTaskHeartbeat().getTaskToken());
          case ACTIVITY_STARTED ->
              new StepMessage.ActivityStarted(
                  p.getActivityStarted().getTaskToken(), p.getActivityStarted().getWorkerName());
          case KIND_NOT_SET -> throw new IllegalStateException("a step message has no kind");
        };
    return new StepMessage(p.getExecutionArn(), p.getFlowId(), p.getSeq(), step);
  }

  private static StepMessage.TaskResult taskResult(dev.mercury.proto.TaskResult p) {
    return p.getSucceeded()
        ? StepMessage.TaskResult.success(Json.parseTrusted(p.getOutputJson()))
        : StepMessage.TaskResult.failure(p.getError(), p.getCause());
  }

  private static dev.mercury.proto.MapRunUpdate mapRunUpdate(StepMessage.MapRunUpdate update) {
    var builder = dev.mercury.proto.MapRunUpdate.newBuilder().setMapRunArn(update.mapRunArn());
    if (update.maxConcurrency() != null) {
      builder.setMaxConcurrency(update.maxConcurrency());
    }
    if (update.toleratedFailureCount() != null) {
      builder.setToleratedFailureCount(update.toleratedFailureCount());
    }
    if (update.toleratedFailurePercentage() != null) {
      builder.setToleratedFailurePercentage(update.toleratedFailurePercentage());
    }
    return builder.build();
  }

  private static StepMessage.MapRunUpdate mapRunUpdate(dev.mercury.proto.MapRunUpdate p) {
    return new StepMessage.MapRunUpdate(
        p.getMapRunArn(),
        p.hasMaxConcurrency() ? p.getMaxConcurrency() : null,
        p.hasToleratedFailureCount() ? p.getToleratedFailureCount() : null,
        p.hasToleratedFailurePercentage() ? p.getToleratedFailurePercentage() : null);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
