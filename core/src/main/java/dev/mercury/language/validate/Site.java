package dev.mercury.language.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in the definition: its JSON pointer, the value there (null when absent) and the words
 * that name its owner at the start of a message, such as "State 'Hello'".
 */
record Site(String pointer, JsonNode node, String owner) {

  static Site root(JsonNode node) {
    return new Site("", node, "The state machine");
  }

  /** The field of this object; its node is null when the field is absent. */
  Site field(String name) {
    JsonNode child = node == null ? null : node.get(name);
    return new Site(pointer + "/" + escape(name), child, owner);
  }

  /** The element of this array; its node is null when there is none. */
  Site item(int index) {
    JsonNode child = node == null || !node.isArray() ? null : node.get(index);
    return new Site(pointer + "/" + index, child, owner);
  }

  Site ownedBy(String newOwner) {
    return new Site(pointer, node, newOwner);
  }

  /** The element of this array as a part of the owner, as in "Retrier 2 of state 'Hello'". */
  Site part(int index, String kind) {
    String of =
        owner.isEmpty() ? owner : Character.toLowerCase(owner.charAt(0)) + owner.substring(1);
    return item(index).ownedBy(kind + " " + (index + 1) + " of " + of);
  }

  boolean exists() {
    return node != null;
  }

  boolean has(String name) {
    return node != null && node.isObject() && node.has(name);
  }

  boolean isObject() {
    return node != null && node.isObject();
  }

  /** The string value, or null when the value is absent or not a string. */
  String text() {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The field names of this object in document order; none when it is not an object. */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    if (isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** The elements of this array; none when it is not an array. */
  List<Site> items() {
    List<Site> items = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        items.add(item(i));
      }
    }
    return items;
  }

  /** One reference token of a JSON pointer (RFC 6901 section 3). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
