package dev.mercury.transition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Asks an invoker to call a Task state's resource. The answer goes back as a {@link
 * StepMessage.TaskResult} for the same flow and seq.
 *
 * @param invocation how many times this state has been invoked in this execution before, counted
 *     across retries and Map iterations, as the Step Functions Local mocks count
 * @param idempotencyKey the same for every delivery of one attempt, different between attempts
 */
public record InvokeRequest(
    String executionArn,
    int flowId,
    long seq,
    String stateName,
    String resource,
    JsonNode parameters,
    int attempt,
    long timeoutMillis,
    String taskToken,
    String idempotencyKey) {}
