package dev.mercury.invoke.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP Task's {@code "RequestBodyEncoding": "URL_ENCODED"}: a JSON object as {@code
 * application/x-www-form-urlencoded} text. Nested objects become {@code key[field]}; arrays follow
 * {@code RequestEncodingOptions.ArrayFormat} as AWS documents it, INDICES by default.
 */
enum FormEncoding {
  /** {@code array[0]=a&array[1]=b} */
  INDICES,
  /** {@code array=a&array=b} */
  REPEAT,
  /** {@code array=a,b} */
  COMMAS,
  /** {@code array[]=a&array[]=b} */
  BRACKETS;

  static FormEncoding named(String name) {
    for (FormEncoding format : values()) {
      if (format.name().equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "ArrayFormat must be one of BRACKETS, COMMAS, INDICES or REPEAT, not '" + name + "'");
  }

  /** The object's fields as {@code key=value} pairs joined with {@code &}. */
  String encode(JsonNode object) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      add(pairs, field.getKey(), field.getValue());
    }
    return String.join("&", pairs);
  }

  private void add(List<String> pairs, String key, JsonNode value) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        add(pairs, key + "[" + field.getKey() + "]", field.getValue());
      }
    } else if (value.isArray()) {
      addArray(pairs, key, value);
    } else {
      pairs.add(escape(key) + "=" + escape(scalar(value)));
    }
  }

  private void addArray(List<String> pairs, String key, JsonNode array) {
    if (this == COMMAS) {
      List<String> items = new ArrayList<>();
      array.forEach(item -> items.add(escape(scalar(item))));
      pairs.add(escape(key) + "=" + String.join(",", items));
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String itemKey =
          switch (this) {
            case INDICES -> key + "[" + i + "]";
            case BRACKETS -> key + "[]";
            default -> key;
          };
      add(pairs, itemKey, array.get(i));
    }
  }

  private static String scalar(JsonNode value) {
    return value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
  }

  static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
