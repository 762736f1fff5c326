package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.gcp.invoke.FakeGoogle;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example examples/four-clouds.asl.json, run by {@code mercury run} in a JVM of its own with
 * the example's own config file and its variables aimed at {@link OrderFunctions}: Lambda's Invoke
 * API (SigV4 checked), a Cloud Function behind Google's ID-token check and an Azure Function that
 * wants its key, all on loopback, and the example's Python process. The functions compute the
 * order's fields; the test works out on its own what they should be.
 */
class FourPlatformsExampleIT {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path work;

  private OrderFunctions functions;

  /** What a run printed and how it ended. */
  private record Run(int exit, JsonNode report, String err) {
    JsonNode output() {
      return report.get("output");
    }

    /** The cause, once the execution is seen to have failed with {@code error}. */
    String causeOfFailure(String error) {
      assertThat(exit).as(err).isEqualTo(1);
      assertThat(report.path("error").asText()).isEqualTo(error);
      return report.path("cause").asText();
    }

    List<String> failedTaskErrors() {
      List<String> errors = new ArrayList<>();
      for (JsonNode event : report.get("events")) {
        if (event.get("type").asText().equals("TaskFailed")) {
          errors.add(event.at("/taskFailedEventDetails/error").asText());
        }
      }
      return errors;
    }
  }

  @BeforeEach
  void startProviders() throws IOException {
    functions = new OrderFunctions();
  }

  @AfterEach
  void stopProviders() {
    functions.close();
  }

  @Test
  void run_order_callsFourPlatformsAndRetriesEachThrottledCall() throws Exception {
    Run run = run(Files.readString(EXAMPLES.resolve("four-clouds.input.json")), environment());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode output = run.output();
    BigDecimal subtotal =
        OrderFunctions.amount("BOOK-42", 2).add(OrderFunctions.amount("PEN-7", 3));
    BigDecimal total =
        subtotal
            .subtract(subtotal.multiply(OrderFunctions.COUPON_DISCOUNT))
            .setScale(2, RoundingMode.UP);
    assertThat(output.at("/price/subtotal").decimalValue()).isEqualByComparingTo(subtotal);
    assertThat(output.at("/price/total").decimalValue()).isEqualByComparingTo(total);
    assertThat(output.at("/reservation/reservationId").asText()).isEqualTo("R-A-1001-5");
    assertThat(functions.stock).containsEntry("BOOK-42", 8).containsEntry("PEN-7", 97);

    Path receipt = Path.of(output.at("/receipt/file").asText());
    assertThat(receipt.getParent()).isEqualTo(work.resolve("receipts"));
    assertThat(Files.readString(receipt))
        .contains("order A-1001 (ada@example.com)")
        .contains("Total EUR")
        .contains(total.toPlainString())
        .contains("R-A-1001-5");

    assertThat(functions.lambda.received).hasSize(2);
    assertThat(functions.lambda.received.get(1).region()).isEqualTo("eu-west-1");
    assertThat(functions.google.calls).hasSize(2);
    assertThat(functions.azure.calls).hasSize(1);
    assertThat(run.failedTaskErrors())
        .containsExactly("Lambda.TooManyRequestsException", "States.Http.StatusCode.503");
  }

  @Test
  void run_orderWithNoQuantity_lambdaRefusesItAndCatchRejectsTheOrder() throws Exception {
    Run run = run(order("A-1002", "BOOK-42", 0), environment());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.output().get("status").asText()).isEqualTo("rejected");
    assertThat(run.output().at("/problem/errorType").asText()).isEqualTo("InvalidOrder");
    assertThat(run.output().at("/problem/errorMessage").asText()).contains("BOOK-42");
    assertThat(functions.google.calls).isEmpty();
    assertThat(functions.azure.calls).isEmpty();
  }

  @Test
  void run_moreThanInStock_azureRefusesAndCatchBackordersTheOrder() throws Exception {
    Run run = run(order("A-1003", "BOOK-42", 12), environment());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.output().get("status").asText()).isEqualTo("backordered");
    assertThat(run.output().at("/shortage/missing/0/sku").asText()).isEqualTo("BOOK-42");
    assertThat(run.output().at("/shortage/missing/0/short").asInt()).isEqualTo(2);
    assertThat(functions.stock).containsEntry("BOOK-42", 10);
    assertThat(work.resolve("receipts")).doesNotExist();
  }

  @Test
  void run_wrongAwsSecret_failsWithLambdasErrorAndCallsNothingElse() throws Exception {
    Map<String, String> environment = environment();
    environment.put("AWS_SECRET_ACCESS_KEY", "not/the+secret0000000000000000000000000000");

    Run run = run(order("A-1004", "PEN-7", 1), environment);

    assertThat(run.causeOfFailure("Lambda.AWSLambdaException"))
        .contains("Status Code: 403")
        .contains("InvalidSignatureException");
    assertThat(functions.lambda.received).isEmpty();
    assertThat(functions.google.calls).isEmpty();
  }

  @Test
  void run_keyOfAnotherServiceAccount_failsWithStatesPermissions() throws Exception {
    Map<String, String> environment = environment();
    try (FakeGoogle other = FakeGoogle.impostor()) {
      ObjectNode key = (ObjectNode) Json.parseTrusted(other.keyJson());
      key.put("token_uri", functions.google.base() + "/token");
      environment.put("GCP_SERVICE_ACCOUNT_KEY", Json.write(key));
    }

    Run run = run(order("A-1005", "PEN-7", 1), environment);

    assertThat(run.causeOfFailure("States.Permissions")).contains("invalid_grant");
    assertThat(functions.google.calls).isEmpty();
    assertThat(functions.azure.calls).isEmpty();
  }

  @Test
  void run_wrongFunctionKey_azureRefusesWith401() throws Exception {
    Map<String, String> environment = environment();
    environment.put("RESERVE_STOCK_KEY", "not-the-key");

    Run run = run(order("A-1006", "PEN-7", 1), environment);

    assertThat(run.causeOfFailure("States.Http.StatusCode.401")).doesNotContain("not-the-key");
    assertThat(functions.azure.refused.get()).isEqualTo(1);
    assertThat(functions.stock).containsEntry("PEN-7", 100);
  }

  @Test
  void run_noProviderListening_failsWithTheConnectionErrorAndNoStackTrace() throws Exception {
    Map<String, String> environment = environment();
    stopProviders();

    Run run = run(order("A-1007", "PEN-7", 1), environment);

    assertThat(run.causeOfFailure("Lambda.SdkClientException")).contains("Connection refused");
    assertThat(run.failedTaskErrors()).hasSize(3).containsOnly("Lambda.SdkClientException");
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void run_credentialVariableUnset_isRefusedBeforeRunningAndNamesIt() throws Exception {
    Map<String, String> environment = environment();
    environment.remove("RESERVE_STOCK_KEY");

    Run run = run(order("A-1008", "PEN-7", 1), environment);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("\"reserve-stock\"").contains("RESERVE_STOCK_KEY");
    assertThat(functions.lambda.received).isEmpty();
  }

  private static String order(String orderId, String sku, int quantity) {
    ObjectNode order = Json.object().put("orderId", orderId).put("customer", "bo@example.com");
    order.putArray("items").addObject().put("sku", sku).put("quantity", quantity);
    return Json.write(order);
  }

  // Running the example.

  /** The variables the example's config file reads, aimed at the fakes. */
  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(functions.environment());
    environment.put("RECEIPTS_DIR", work.resolve("receipts").toString());
    return environment;
  }

  private Run run(String input, Map<String, String> variables) throws Exception {
    Path inputFile = Files.writeString(work.resolve("input.json"), input);
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                Files.readString(Path.of(System.getProperty("mercury.worker.classpath"))).trim(),
                "dev.mercury.local.cli.Mercury",
                "run",
                EXAMPLES.resolve("four-clouds.asl.json").toString(),
                "--input-file",
                inputFile.toString(),
                "--config",
                EXAMPLES.resolve("four-clouds.mercury.json").toString(),
                "--format",
                "json")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    isolate(builder.environment(), variables);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("mercury run did not end: " + Files.readString(err));
    }
    String[] lines = Files.readString(out).strip().split("\n");
    String last = lines[lines.length - 1];
    return new Run(
        process.exitValue(),
        last.startsWith("{") ? Json.parseTrusted(last) : Json.object(),
        Files.readString(err));
  }

  /** Nothing of this machine's own AWS or Google setup may reach the run. */
  private void isolate(Map<String, String> environment, Map<String, String> variables) {
    environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("GOOGLE_"));
    environment.put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-aws-credentials").toString());
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.putAll(variables);
  }
}
