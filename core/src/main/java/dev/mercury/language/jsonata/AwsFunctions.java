package dev.mercury.language.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mercury.language.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The functions AWS Step Functions adds to JSONata: {@code $partition}, {@code $range}, {@code
 * $hash}, {@code $random}, {@code $uuid} and {@code $parse}; and takes away {@code $eval}, which
 * AWS does not offer.
 */
final class AwsFunctions {
  private AwsFunctions() {}

  static void register(Jsonata expression) {
    expression.registerFunction(
        "partition", Jsonata.function("partition", (List<?> args) -> partition(args), "<an:a>"));
    expression.registerFunction(
        "range", Jsonata.function("range", (List<?> args) -> range(args), "<nnn:a>"));
    expression.registerFunction(
        "hash", Jsonata.function("hash", (List<?> args) -> hash(args), "<ss:s>"));
    expression.registerFunction(
        "random", Jsonata.function("random", (List<?> args) -> random(args), "<n?:n>"));
    expression.registerFunction(
        "uuid", Jsonata.function("uuid", (List<?> args) -> UUID.randomUUID().toString(), "<:s>"));
    expression.registerFunction(
        "parse", Jsonata.function("parse", (List<?> args) -> parse(args), "<s:x>"));
  }

  /**
   * Takes {@code $eval} away as AWS does: bound to nothing, so calling it fails with JSONata's own
   * T1006 "Attempted to invoke a non-function", the cause AWS gives.
   */
  static void withoutEval(Jsonata.Frame frame) {
    frame.bind("eval", (Object) null);
  }

  private static List<Object> partition(List<?> args) {
    List<?> array = (List<?>) args.get(0);
    long size = whole(args.get(1));
    if (size <= 0) {
      throw new JException("The chunk size of $partition must be positive", -1);
    }
    List<Object> chunks = new ArrayList<>();
    for (long i = 0; i < array.size(); i += size) {
      chunks.add(new ArrayList<>(array.subList((int) i, (int) Math.min(array.size(), i + size))));
    }
    return chunks;
  }

  private static List<Object> range(List<?> args) {
    long start = whole(args.get(0));
    long end = whole(args.get(1));
    long step = whole(args.get(2));
    if (step == 0) {
      throw new JException("The step of $range must not be 0", -1);
    }
    List<Object> values = new ArrayList<>();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      if (values.size() >= 1000) {
        throw new JException("$range may not create more than 1000 values", -1);
      }
      values.add(v);
    }
    return values;
  }

  /** AWS rounds a number its functions take as an integer down: 2.9 is 2, -1.5 is -2. */
  private static long whole(Object number) {
    return (long) Math.floor(((Number) number).doubleValue());
  }

  private static String hash(List<?> args) {
    String data = (String) args.get(0);
    String algorithm = (String) args.get(1);
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new JException("Unsupported hash algorithm " + algorithm, -1);
    }
  }

  private static double random(List<?> args) {
    if (args.isEmpty() || args.get(0) == null) {
      return Math.random();
    }
    return new Random(((Number) args.get(0)).longValue()).nextDouble();
  }

  private static Object parse(List<?> args) {
    try {
      return JavaValues.toJava(Json.parse((String) args.get(0)));
    } catch (JsonProcessingException e) {
      throw new JException("$parse was given text that is not JSON: " + e.getOriginalMessage(), -1);
    }
  }
}
