package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Catch rule: where to go, and what to keep, when a matching error is not retried. */
public record Catcher(
    List<String> errorEquals,
    String next,
    ResultPath resultPath,
    Assignment assign,
    JsonNode output) {}
