package dev.mercury.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Three {@code nats-server} processes with JetStream, clustered over routes on loopback ports, each
 * with its own store folder and server name, so streams may keep three replicas and a test may kill
 * one server while the other two carry on.
 */
public final class NatsCluster implements AutoCloseable {
  private static final int SIZE = 3;

  private final List<NatsServer> servers;
  private final List<String> names;

  private NatsCluster(List<NatsServer> servers, List<String> names) {
    this.servers = servers;
    this.names = names;
  }

  /** Starts the three servers, or skips the calling test when there is no nats-server binary. */
  public static NatsCluster start() {
    List<Integer> routePorts = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      routePorts.add(Processes.freePort());
    }
    String routes =
        routePorts.stream()
            .map(port -> "nats://127.0.0.1:" + port)
            .collect(Collectors.joining(","));
    List<NatsServer> servers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      String name = "mercury-test-" + i;
      names.add(name);
      servers.add(
          NatsServer.start(
              Processes.freePort(),
              List.of(
                  "--server_name",
                  name,
                  "--cluster_name",
                  "mercury-tests",
                  "--cluster",
                  "nats://127.0.0.1:" + routePorts.get(i),
                  "--routes",
                  routes)));
    }
    return new NatsCluster(servers, names);
  }

  /** Every server's URL, separated by commas, as clients take them. */
  public String urls() {
    return servers.stream().map(NatsServer::url).collect(Collectors.joining(","));
  }

  /** The server whose {@code server_name} is {@code name}. */
  public NatsServer server(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no server named " + name + " in " + names);
    }
    return servers.get(index);
  }

  @Override
  public void close() {
    servers.forEach(NatsServer::close);
  }
}
