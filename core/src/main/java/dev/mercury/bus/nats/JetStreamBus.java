package dev.mercury.bus.nats;

import dev.mercury.port.StepBus;
import dev.mercury.store.codec.InvokeCodec;
import dev.mercury.store.codec.StepCodec;
import dev.mercury.transition.InvokeRequest;
import dev.mercury.transition.StepMessage;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step bus on NATS JetStream.
 *
 * <p>Design note. Two work-queue streams hold the messages until a worker has dealt with them:
 * {@code MERCURY_STEPS} (subject {@code mercury.steps}) for step messages and {@code
 * MERCURY_INVOKES} ({@code mercury.invokes}) for invoke requests, each read by one durable pull
 * consumer shared by every worker, so each message goes to one worker at a time. One subject, not a
 * partition per execution hash: the transition needs no ordering (each message names the flow seq
 * it expects) and optimistic concurrency on the checkpoint settles two workers taking steps of one
 * execution at once, so partitions would buy fewer conflicts at the price of assigning them to
 * workers, which JetStream on the servers we target cannot do for us.
 *
 * <p>Invariants: a worker acknowledges a step only after its transition has committed and the
 * messages that follow are stored in JetStream; until then JetStream redelivers it after the ack
 * wait (a killed worker) or sooner when asked (a conflict). Each published message carries a {@code
 * Nats-Msg-Id} from execution, flow, seq and kind (see {@link MessageIds}), so a message published
 * twice within the duplicate window is stored once, and one delivered twice changes nothing because
 * the transition ignores a seq it has passed. Messages are handled on virtual threads, at most
 * {@code concurrency} at a time per consumer.
 */
public final class JetStreamBus implements StepBus {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamBus.class);
  private static final String STEP_CONSUMER = "workers";
  private static final String INVOKE_CONSUMER = "invokers";
  private static final Duration PUBLISH_PATIENCE = Duration.ofSeconds(10);

  private final NatsOptions options;
  private final Connection connection;
  private final JetStream jetStream;
  private final int concurrency;

  private JetStreamBus(NatsOptions options, Connection connection, int concurrency)
      throws IOException {
    this.options = options;
    this.connection = connection;
    this.jetStream = connection.jetStream();
    this.concurrency = concurrency;
  }

  /**
   * Connects, waiting with backoff while no server answers, and creates the streams and consumers
   * when missing. {@code concurrency} bounds the messages each consumer hands out at once.
   */
  public static JetStreamBus connect(NatsOptions options, int concurrency) {
    Connection connection = NatsConnections.connect(options.url(), "mercury-worker");
    try {
      NatsConnections.retrying(
          "create the streams", () -> createStreams(connection.jetStreamManagement(), options));
      return new JetStreamBus(options, connection, concurrency);
    } catch (IOException e) {
      NatsConnections.closeQuietly(connection);
      throw new NatsBusException("cannot use JetStream at " + options.url() + ": " + e, e);
    }
  }

  private static void createStreams(JetStreamManagement management, NatsOptions options)
      throws IOException, JetStreamApiException {
    stream(management, options, options.stepStream(), options.stepSubject());
    stream(management, options, options.invokeStream(), options.invokeSubject());
    consumer(management, options, options.stepStream(), STEP_CONSUMER);
    consumer(management, options, options.invokeStream(), INVOKE_CONSUMER);
  }

  private static void stream(
      JetStreamManagement management, NatsOptions options, String name, String subject)
      throws IOException, JetStreamApiException {
    StreamConfiguration config =
        StreamConfiguration.builder()
            .name(name)
            .subjects(subject)
            .retentionPolicy(RetentionPolicy.WorkQueue)
            .storageType(StorageType.File)
            .duplicateWindow(options.duplicateWindow())
            .replicas(options.replicas())
            .build();
    if (management.getStreamNames().contains(name)) {
      management.updateStream(config);
    } else {
      management.addStream(config);
    }
  }

  private static void consumer(
      JetStreamManagement management, NatsOptions options, String stream, String durable)
      throws IOException, JetStreamApiException {
    management.addOrUpdateConsumer(
        stream,
        ConsumerConfiguration.builder()
            .durable(durable)
            .ackPolicy(AckPolicy.Explicit)
            .ackWait(options.ackWait())
            .maxDeliver(-1)
            .maxAckPending(20_000)
            .build());
  }

  /** The connection, shared with a {@link NatsRequestInvoker} or {@link NatsFunctions}. */
  public Connection connection() {
    return connection;
  }

  public NatsOptions options() {
    return options;
  }

  @Override
  public void publish(StepMessage message) {
    sendAll(List.of(message), List.of());
  }

  @Override
  public void invoke(InvokeRequest request) {
    sendAll(List.of(), List.of(request));
  }

  /**
   * Publishes every message before waiting for any acknowledgement, so a batch costs about one
   * round trip to the server instead of one each.
   */
  @Override
  public void sendAll(List<StepMessage> messages, List<InvokeRequest> requests) {
    List<CompletableFuture<PublishAck>> stored = new ArrayList<>();
    for (StepMessage message : messages) {
      stored.add(
          sendAsync(options.stepSubject(), StepCodec.encode(message), MessageIds.of(message)));
    }
    for (InvokeRequest request : requests) {
      stored.add(
          sendAsync(options.invokeSubject(), InvokeCodec.encode(request), MessageIds.of(request)));
    }
    for (CompletableFuture<PublishAck> ack : stored) {
      try {
        ack.get(PUBLISH_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new NatsBusException("NATS did not store a batch of messages: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NatsBusException("interrupted while NATS stored a batch of messages", e);
      }
    }
  }

  private CompletableFuture<PublishAck> sendAsync(String subject, byte[] body, String id) {
    return jetStream.publishAsync(subject, body, PublishOptions.builder().messageId(id).build());
  }

  @Override
  public AutoCloseable takeSteps(Handler<StepMessage> handler) {
    return take(options.stepStream(), STEP_CONSUMER, StepCodec::decode, handler);
  }

  @Override
  public AutoCloseable takeInvokes(Handler<InvokeRequest> handler) {
    return take(options.invokeStream(), INVOKE_CONSUMER, InvokeCodec::decode, handler);
  }

  private <T> AutoCloseable take(
      String stream, String durable, Function<byte[], T> decode, Handler<T> handler) {
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    Semaphore permits = new Semaphore(concurrency);
    try {
      ConsumerContext consumer = connection.getConsumerContext(stream, durable);
      MessageConsumer messages =
          consumer.consume(
              // A batch of one stalls: after its message the next pull waits out the pull's
              // expiry. The permits below still bound the messages handled at once.
              ConsumeOptions.builder().batchSize(Math.max(2, concurrency)).build(),
              message -> {
                permits.acquire();
                threads.execute(
                    () -> {
                      try {
                        handle(message, decode, handler);
                      } finally {
                        permits.release();
                      }
                    });
              });
      return () -> {
        messages.stop();
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        messages.close();
      };
    } catch (IOException | JetStreamApiException e) {
      threads.shutdown();
      throw new NatsBusException("cannot read from the " + stream + " stream: " + e, e);
    }
  }

  private static <T> void handle(Message message, Function<byte[], T> decode, Handler<T> handler) {
    T decoded;
    try {
      decoded = decode.apply(message.getData());
    } catch (RuntimeException e) {
      // A message no version of Mercury wrote: redelivering it would never help.
      LOG.error("Dropping an unreadable message from {}: {}", message.getSubject(), e.toString());
      message.term();
      return;
    }
    try {
      handler.handle(new JetStreamDelivery<>(message, decoded));
    } catch (RuntimeException e) {
      LOG.error(
          "A handler failed on a message from {}; it will come again", message.getSubject(), e);
      message.nakWithDelay(Duration.ofSeconds(1));
    }
  }

  @Override
  public void close() {
    NatsConnections.closeQuietly(connection);
  }

  /** One JetStream delivery. */
  private record JetStreamDelivery<T>(Message raw, T message) implements Delivery<T> {
    @Override
    public boolean redelivered() {
      return raw.metaData().deliveredCount() > 1;
    }

    @Override
    public void acknowledge() {
      raw.ack();
    }

    @Override
    public void retryLater(Duration delay) {
      raw.nakWithDelay(delay);
    }

    @Override
    public void stillWorking() {
      raw.inProgress();
    }
  }

  /** Says when the connection drops and comes back, at WARN and INFO. */
  static ConnectionListener listener(String url) {
    return (connection, event) -> {
      switch (event) {
        case DISCONNECTED -> LOG.warn("Lost NATS at {}; reconnecting", url);
        case RECONNECTED -> LOG.info("Reconnected to NATS at {}", connection.getConnectedUrl());
        default -> {}
      }
    };
  }

  static Options.Builder baseOptions(String url, String name) {
    return new Options.Builder()
        .servers(url.split(","))
        .connectionName(name)
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(500))
        .connectionTimeout(Duration.ofSeconds(5))
        .connectionListener(listener(url));
  }

  static Connection open(Options options) throws IOException, InterruptedException {
    return Nats.connect(options);
  }
}
