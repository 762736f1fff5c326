package dev.mercury.language.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** States.MathRandom and States.MathAdd, over 32-bit integers as AWS computes them. */
final class MathFunctions {
  private MathFunctions() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("States.MathRandom", Arity.between(2, 3), MathFunctions::random),
        new Builtin("States.MathAdd", Arity.exactly(2), MathFunctions::add));
  }

  /**
   * A number from start (inclusive) to end (exclusive). A seeded call draws from java.util.Random
   * with that seed: AWS was reported to give -5 for seed 42 over [-5, 5), as that class does.
   */
  private static JsonNode random(Arguments arguments) {
    int start = arguments.truncatedInt(0);
    int end = arguments.truncatedInt(1);
    if (start >= end) {
      throw arguments.invalid();
    }

    RandomGenerator generator =
        arguments.size() == 3
            ? new Random(arguments.truncatedLong(2))
            : ThreadLocalRandom.current();
    long bound = (long) end - start;
    long offset =
        bound <= Integer.MAX_VALUE ? generator.nextInt((int) bound) : generator.nextLong(bound);
    return IntNode.valueOf((int) (start + offset));
  }

  /** Each operand is rounded half up first: 1.5 + 1.51 is 4 and -0.5 + 0.5 is 1 on AWS. */
  private static JsonNode add(Arguments arguments) {
    long sum = (long) arguments.roundedInt(0) + arguments.roundedInt(1);
    return IntNode.valueOf(arguments.toInt(sum));
  }
}
