package dev.mercury.invoke;

import static dev.mercury.invoke.Calls.connections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {
  private static final String RESIZE =
      """
      {"connections": {"resize": {"platform": "openfaas", "url": "http://127.0.0.1:8080",
         "function": "resize-img",
         "auth": {"basic": {"username": "admin", "passwordEnv": "OPENFAAS_PASSWORD"}},
         "timeoutSeconds": 30, "maxConcurrency": 16}}}""";

  @Test
  void parse_fullConnection_readsEveryField() {
    Connection resize =
        connections(RESIZE, Map.of("OPENFAAS_PASSWORD", "pw")).named("resize").orElseThrow();

    assertThat(resize.platform()).isEqualTo("openfaas");
    assertThat(resize.url()).hasToString("http://127.0.0.1:8080");
    assertThat(resize.function()).isEqualTo("resize-img");
    assertThat(resize.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(resize.maxConcurrency()).isEqualTo(16);
    assertThat(((Auth.Basic) resize.auth()).password().reveal()).isEqualTo("pw");
  }

  @Test
  void parse_defaults_functionIsNameAndConcurrencyBounded() {
    Connection f =
        connections("{\"connections\": {\"f\": {\"platform\": \"http\", \"url\": \"http://h\"}}}")
            .named("f")
            .orElseThrow();

    assertThat(f.function()).isEqualTo("f");
    assertThat(f.maxConcurrency()).isEqualTo(Connection.DEFAULT_MAX_CONCURRENCY);
    assertThat(f.timeout()).isNull();
    assertThat(f.auth()).isEqualTo(Auth.NONE);
  }

  @Test
  void toString_ofConnectionWithSecret_masksIt() {
    Connection resize =
        connections(RESIZE, Map.of("OPENFAAS_PASSWORD", "hunter2")).named("resize").orElseThrow();

    assertThat(resize.toString()).doesNotContain("hunter2").contains("****");
  }

  @Test
  void parse_unsetSecretVariable_namesTheVariableNotAValue() {
    assertThatThrownBy(() -> connections(RESIZE, Map.of()))
        .hasMessageContaining("\"resize\"")
        .hasMessageContaining("OPENFAAS_PASSWORD")
        .hasMessageContaining("unset");
  }

  @Test
  void parse_unknownField_saysWhichAreKnown() {
    assertThatThrownBy(
            () ->
                connections(
                    "{\"connections\": {\"f\": {\"platform\": \"http\", \"urll\": \"x\"}}}"))
        .hasMessageContaining("unknown field \"urll\"");
  }

  @Test
  void parse_providerPlatform_leavesItsOwnSettingsToItsProvider() {
    Connection lambda =
        connections(
                "{\"connections\": {\"aws\": {\"platform\": \"aws-lambda\","
                    + " \"region\": \"eu-west-1\", \"endpointEnv\": \"E\"}}}")
            .named("aws")
            .orElseThrow();

    assertThat(lambda.setting("region", null)).isEqualTo("eu-west-1");
    assertThat(lambda.setting("endpointEnv", null)).isEqualTo("E");
  }

  @Test
  void parse_noPlatform_isRefused() {
    assertThatThrownBy(() -> connections("{\"connections\": {\"f\": {}}}"))
        .hasMessageContaining("needs \"platform\"");
  }

  @Test
  void parse_openWhiskKey_splitsUserAndPassword() {
    Connection wsk =
        connections(
                "{\"connections\": {\"w\": {\"platform\": \"openwhisk\", \"url\": \"http://h\","
                    + " \"auth\": {\"basic\": {\"credentialsEnv\": \"WSK\"}}}}}",
                Map.of("WSK", "uuid-1:key-2"))
            .named("w")
            .orElseThrow();

    Auth.Basic basic = (Auth.Basic) wsk.auth();
    assertThat(basic.username()).isEqualTo("uuid-1");
    assertThat(basic.password().reveal()).isEqualTo("key-2");
  }

  @Test
  void parse_badTimeout_isRefused() {
    assertThatThrownBy(
            () ->
                connections(
                    "{\"connections\": {\"f\": {\"platform\": \"http\", \"timeoutSeconds\": -1}}}"))
        .hasMessageContaining("timeoutSeconds");
  }

  @Test
  void forLambda_matchesArnWithQualifierOrBareName() {
    Connections connections =
        connections(
            "{\"connections\": {\"f\": {\"platform\": \"http\", \"resources\":"
                + " [\"arn:aws:lambda:us-east-1:1:function:resize\", \"thumb\"]}}}");

    assertThat(connections.forLambda("arn:aws:lambda:us-east-1:1:function:resize:7")).isPresent();
    assertThat(connections.forLambda("resize")).isPresent();
    assertThat(connections.forLambda("arn:aws:lambda:us-east-1:1:function:thumb")).isPresent();
    assertThat(connections.forLambda("arn:aws:lambda:eu-west-1:1:function:resize")).isEmpty();
  }

  @Test
  void read_invalidJson_givesFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mercury.json");
    Files.writeString(file, "{\"connections\": {,}}");

    assertThatThrownBy(() -> Connections.read(file))
        .hasMessageContaining("mercury.json:1:")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void read_baseDirectory_isTheFilesFolder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mercury.json");
    Files.writeString(
        file, "{\"connections\": {\"p\": {\"platform\": \"process\", \"command\": [\"true\"]}}}");

    Connection p = Connections.read(file).named("p").orElseThrow();

    assertThat(p.baseDirectory()).isEqualTo(dir.toAbsolutePath());
  }
}
