package dev.mercury.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** One JSON config file for backend settings and connections, under flags and the environment. */
class ConfigFileTest {
  @TempDir Path folder;
  private final Map<String, String> env = new HashMap<>();

  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Mixin Backends backends;

    @Override
    public Integer call() {
      return 0;
    }
  }

  private Backends backends(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    probe.backends.env = env::get;
    return probe.backends;
  }

  private Path config(String json) throws IOException {
    return Files.writeString(folder.resolve("mercury.json"), json);
  }

  @Test
  void settingsAndConnections_comeFromOneFile() throws IOException {
    Path file =
        config(
            """
            {"nats": "nats://10.0.0.5:4222", "elasticsearch": "http://10.0.0.6:9200",
             "prefix": "blue", "ack-wait": 60, "nats-replicas": 3, "sweep-lease": 90,
             "chain": 0,
             "connections": {"resize": {"platform": "openfaas", "url": "http://127.0.0.1:8080"}}}""");

    Backends backends = backends("--config", file.toString());

    assertThat(backends.natsUrl()).isEqualTo("nats://10.0.0.5:4222");
    assertThat(backends.elasticsearchUrl()).isEqualTo("http://10.0.0.6:9200");
    assertThat(backends.natsOptions().prefix()).isEqualTo("blue");
    assertThat(backends.natsOptions().ackWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(backends.natsOptions().replicas()).isEqualTo(3);
    assertThat(backends.sweepLease()).isEqualTo(Duration.ofSeconds(90));
    assertThat(backends.chain()).isZero();
    assertThat(backends.concurrency()).as("not in the file: the default").isEqualTo(64);
    assertThat(backends.file().connections().named("resize")).isPresent();
  }

  @Test
  void flagBeatsEnvironment_environmentBeatsFile() throws IOException {
    Path file = config("{\"nats\": \"nats://file:4222\", \"ack-wait\": 60, \"prefix\": \"file\"}");
    env.put("MERCURY_NATS", "nats://env:4222");
    env.put("MERCURY_ACK_WAIT", "45");

    Backends backends = backends("--config", file.toString(), "--nats", "nats://flag:4222");

    assertThat(backends.natsUrl()).isEqualTo("nats://flag:4222");
    assertThat(backends.natsOptions().ackWait()).isEqualTo(Duration.ofSeconds(45));
    assertThat(backends.natsOptions().prefix()).isEqualTo("file");
  }

  @Test
  void fileNamedByTheEnvironment_isRead() throws IOException {
    env.put("MERCURY_CONFIG", config("{\"elasticsearch\": \"http://es:9200\"}").toString());

    assertThat(backends().elasticsearchUrl()).isEqualTo("http://es:9200");
  }

  @Test
  void unknownKey_isRefusedNamingFileAndPointer() throws IOException {
    Path file = config("{\"natz\": \"nats://127.0.0.1:4222\"}");

    assertThatThrownBy(() -> backends("--config", file.toString()).natsUrl())
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown key at /natz")
        .hasMessageContaining("nats, elasticsearch");
  }

  @Test
  void wrongType_isRefusedNamingFileAndPointer() throws IOException {
    Path file = config("{\"nats\": \"nats://127.0.0.1:4222\", \"ack-wait\": \"a minute\"}");

    assertThatThrownBy(() -> backends("--config", file.toString()).natsOptions())
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("/ack-wait must be a whole number, got \"a minute\"");
    assertThatThrownBy(() -> ConfigFile.load(config("{\"connections\": []}")))
        .hasMessageContaining("/connections must be an object");
  }

  @Test
  void connectionsOnlyFile_stillServesRun() throws IOException {
    Path file =
        config(
            """
            {"connections": {"p": {"platform": "openfaas", "url": "http://127.0.0.1:8080"}}}""");

    assertThat(ConfigFile.read(file).named("p")).isPresent();
    assertThat(backends("--config", file.toString()).distributed()).isFalse();
  }
}
