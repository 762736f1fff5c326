package dev.mercury.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercury.aws.invoke.FakeLambda;
import dev.mercury.azure.invoke.FakeAzure;
import dev.mercury.gcp.invoke.FakeGoogle;
import dev.mercury.language.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three cloud functions of examples/four-clouds.asl.json, served by the loopback fakes of their
 * platforms, which check credentials as the real ones do: Lambda's Invoke API with SigV4, a Cloud
 * Function behind Google's ID-token check, an Azure Function that wants its key. Each function
 * computes its answer from its input, and each platform fails once the way it does in real life, so
 * the example's Retry rules have something to do.
 *
 * <p>{@link #main} serves them until stopped and prints the variables that aim the example's config
 * file at them, so the example also runs from a shell without any cloud account.
 */
final class OrderFunctions implements AutoCloseable {
  static final Map<String, BigDecimal> PRICES =
      Map.of("BOOK-42", new BigDecimal("12.50"), "PEN-7", new BigDecimal("1.20"));
  static final String COUPON = "SPRING10";
  static final BigDecimal COUPON_DISCOUNT = new BigDecimal("0.10");

  final FakeLambda lambda;
  final FakeGoogle google;
  final FakeAzure azure;
  final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("BOOK-42", 10, "PEN-7", 100));

  private final Set<String> throttled = ConcurrentHashMap.newKeySet();

  OrderFunctions() throws IOException {
    lambda = new FakeLambda().on("validate-order", this::validateOrder);
    google = new FakeGoogle().on("price-order", this::priceOrder);
    azure = new FakeAzure().on("reserve-stock", FakeAzure.Auth.KEY, this::reserveStock);
  }

  /** Serves the functions until this process is stopped; prints {@code export} lines first. */
  public static void main(String[] args) throws Exception {
    OrderFunctions functions = new OrderFunctions();
    Runtime.getRuntime().addShutdownHook(new Thread(functions::close));
    functions.environment().forEach((name, value) -> System.out.println(export(name, value)));
    System.out.flush();
    Thread.currentThread().join();
  }

  /** What the example's config file and the AWS SDK read, aimed at these fakes. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("AWS_ACCESS_KEY_ID", FakeLambda.ACCESS_KEY_ID);
    environment.put("AWS_SECRET_ACCESS_KEY", FakeLambda.SECRET_ACCESS_KEY);
    environment.put("AWS_REGION", "eu-west-1");
    environment.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
    environment.put("PRICE_ORDER_URL", google.functionUrl("price-order"));
    environment.put("GCP_SERVICE_ACCOUNT_KEY", google.keyJson());
    environment.put("RESERVE_STOCK_URL", azure.base() + "/api/reserve-stock");
    environment.put("RESERVE_STOCK_KEY", FakeAzure.FUNCTION_KEY);
    return environment;
  }

  private static String export(String name, String value) {
    return "export " + name + "='" + value.replace("'", "'\\''") + "'";
  }

  static BigDecimal amount(String sku, int quantity) {
    return PRICES.get(sku).multiply(BigDecimal.valueOf(quantity));
  }

  /** Lambda: checks and normalises the order; the first call for each order is throttled. */
  private FakeLambda.Reply validateOrder(FakeLambda.Received request) {
    JsonNode order = Json.parseTrusted(request.body());
    String orderId = order.path("orderId").asText();
    if (throttled.add(orderId)) {
      return FakeLambda.Reply.serviceError(429, "TooManyRequestsException", "Rate Exceeded.");
    }

    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (JsonNode item : order.path("items")) {
      String sku = item.path("sku").asText().trim().toUpperCase(Locale.ROOT);
      int quantity = item.path("quantity").asInt();
      if (quantity <= 0 || !PRICES.containsKey(sku)) {
        ObjectNode error = Json.object().put("errorType", "InvalidOrder");
        error.put("errorMessage", "item " + sku + " has quantity " + quantity);
        return FakeLambda.Reply.functionError(Json.write(error));
      }
      quantities.merge(sku, quantity, Integer::sum);
    }

    ObjectNode valid = Json.object();
    valid.put("orderId", orderId);
    valid.put("customer", order.path("customer").asText());
    ArrayNode lines = valid.putArray("lines");
    quantities.forEach(
        (sku, quantity) -> lines.addObject().put("sku", sku).put("quantity", quantity));
    valid.set("coupon", order.path("coupon").isTextual() ? order.get("coupon") : null);
    return FakeLambda.Reply.ok(Json.write(valid));
  }

  /** Cloud Function: prices the lines; the very first call meets a cold start's 503. */
  private FakeGoogle.Reply priceOrder(FakeGoogle.Call call) {
    if (google.calls.size() == 1) {
      return new FakeGoogle.Reply(503, "text/html", "Service Unavailable");
    }

    JsonNode request = Json.parseTrusted(call.body());
    ObjectNode price = Json.object().put("currency", "EUR");
    ArrayNode lines = price.putArray("lines");
    BigDecimal subtotal = BigDecimal.ZERO;
    for (JsonNode line : request.path("lines")) {
      String sku = line.get("sku").asText();
      int quantity = line.get("quantity").asInt();
      BigDecimal amount = amount(sku, quantity);
      lines.addObject().put("sku", sku).put("quantity", quantity).put("amount", amount);
      subtotal = subtotal.add(amount);
    }

    BigDecimal discount =
        COUPON.equals(request.path("coupon").asText())
            ? subtotal.multiply(COUPON_DISCOUNT).setScale(2, RoundingMode.DOWN)
            : BigDecimal.ZERO;
    price.put("subtotal", subtotal).put("discount", discount);
    price.put("total", subtotal.subtract(discount));
    return FakeGoogle.Reply.json(Json.write(price));
  }

  /** Azure Function: takes the stock of every line or of none; a 409 names what is short. */
  private synchronized FakeAzure.Reply reserveStock(FakeAzure.Call call) {
    JsonNode request = Json.parseTrusted(call.body());
    ArrayNode missing = Json.NODES.arrayNode();
    int units = 0;
    for (JsonNode line : request.path("lines")) {
      int wanted = line.get("quantity").asInt();
      int available = stock.getOrDefault(line.get("sku").asText(), 0);
      if (wanted > available) {
        missing.addObject().put("sku", line.get("sku").asText()).put("short", wanted - available);
      }
      units += wanted;
    }
    if (!missing.isEmpty()) {
      // The message carries the details as JSON text, which the workflow's Catch parses back.
      ObjectNode details = Json.object();
      details.set("missing", missing);
      ObjectNode shortage = Json.object().put("errorType", "OutOfStock");
      shortage.put("errorMessage", Json.write(details));
      return new FakeAzure.Reply(409, "application/json", Json.write(shortage));
    }

    for (JsonNode line : request.path("lines")) {
      stock.merge(line.get("sku").asText(), -line.get("quantity").asInt(), Integer::sum);
    }
    String reservation = "R-" + request.path("orderId").asText() + "-" + units;
    return FakeAzure.Reply.json(Json.write(Json.object().put("reservationId", reservation)));
  }

  /** Stops the three servers; a second call does nothing. */
  @Override
  public void close() {
    for (AutoCloseable server : new AutoCloseable[] {lambda, google, azure}) {
      try {
        server.close();
      } catch (Exception e) {
        // Stopped already.
      }
    }
  }
}
