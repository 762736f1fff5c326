package dev.mercury.store.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mercury.language.json.Json;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage.TaskResult;

/** Invoke requests and task results as Protocol Buffers bytes, for buses and function hosts. */
public final class InvokeCodec {
  private InvokeCodec() {}

  public static byte[] encode(InvokeRequest request) {
    return CheckpointCodec.taskToProto(request).toByteArray();
  }

  public static InvokeRequest decode(byte[] bytes) {
    try {
      return CheckpointCodec.taskFromProto(dev.mercury.proto.InvokeRequest.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("an invoke request is not readable", e);
    }
  }

  public static byte[] encodeResult(TaskResult result) {
    var builder = dev.mercury.proto.TaskResult.newBuilder().setSucceeded(result.succeeded());
    if (result.succeeded()) {
      builder.setOutputJson(Json.write(result.output()));
    } else {
      builder.setError(result.error());
      if (result.cause() != null) {
        builder.setCause(result.cause());
      }
    }
    return builder.build().toByteArray();
  }

  public static TaskResult decodeResult(byte[] bytes) {
    try {
      var p = dev.mercury.proto.TaskResult.parseFrom(bytes);
      return p.getSucceeded()
          ? TaskResult.success(Json.parseTrusted(p.getOutputJson()))
          : TaskResult.failure(p.getError(), p.getCause());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("a task result is not readable", e);
    }
  }
}
