package dev.mercury.language.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A top-level rule of a Choice state: its condition, where it leads, what it assigns. */
public record ChoiceRule(Condition condition, String next, JsonNode assign) {}
