package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A top-level rule of a Choice state: its condition, where it leads, what it assigns, and in
 * JSONata the state's output when this rule matches (null to use the state's own).
 */
public record ChoiceRule(Condition condition, String next, Assignment assign, JsonNode output) {}
