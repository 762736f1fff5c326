package dev.mercury.store.elasticsearch;

/** One execution found by a search, as ListExecutions shows it; stopMillis is 0 while running. */
public record ExecutionSummary(
    String executionArn,
    String stateMachineArn,
    String name,
    String status,
    long startMillis,
    long stopMillis) {}
