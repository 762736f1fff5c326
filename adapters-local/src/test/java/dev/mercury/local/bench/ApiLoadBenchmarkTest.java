package dev.mercury.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiLoadBenchmarkTest {
  @Test
  void main_fewRequests_printsRateAndPercentiles() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      ApiLoadBenchmark.main(new String[] {"50", "2", "20"});
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("StartExecution: 50 requests from 2 clients in [0-9.]+ s: [0-9]+")
        .contains("p50")
        .contains("p99");
  }
}
