package dev.mercury.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Versions, aliases with weighted routing, and tags, through the real SDK client. */
class VersionsAliasesAndTagsThroughSdkTest {
  private static final String SAYS =
      """
      {"StartAt": "Say", "States": {"Say": {"Type": "Pass", "Result": "%s", "End": true}}}""";

  @TempDir Path dir;
  private RunningServer server;
  private SfnClient sfn;

  @BeforeEach
  void startServer() throws Exception {
    server = new RunningServer(dir);
    sfn = server.sfn;
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close();
  }

  @Test
  void publish_twoRevisions_versionsRunTheirOwnDefinitions() throws Exception {
    String machine = server.create("greeter", SAYS.formatted("one"));
    String v1 =
        sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
    String again =
        sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
    String v2 =
        sfn.updateStateMachine(
                b -> b.stateMachineArn(machine).definition(SAYS.formatted("two")).publish(true))
            .stateMachineVersionArn();

    assertThat(v1).isEqualTo(machine + ":1").isEqualTo(again);
    assertThat(v2).isEqualTo(machine + ":2");
    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(machine)).stateMachineVersions())
        .extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(v2, v1);
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v1)).definition()).contains("one");
    String execution = server.start(v1, "{}");
    assertThat(server.awaitEnd(execution).output()).isEqualTo("\"one\"");
    assertThat(sfn.describeExecution(b -> b.executionArn(execution)).stateMachineVersionArn())
        .isEqualTo(v1);
    assertThat(execution).startsWith(machine.replace(":stateMachine:", ":execution:") + ":");
  }

  @Test
  void alias_weightedRouting_splitsStartsBetweenVersions() throws Exception {
    String machine = server.create("split", SAYS.formatted("one"));
    String v1 =
        sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
    String v2 =
        sfn.updateStateMachine(
                b -> b.stateMachineArn(machine).definition(SAYS.formatted("two")).publish(true))
            .stateMachineVersionArn();
    String alias =
        sfn.createStateMachineAlias(
                b -> b.name("PROD").routingConfiguration(route(v1, 70), route(v2, 30)))
            .stateMachineAliasArn();

    Map<String, Integer> byVersion = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      String execution = server.start(alias, "{}");
      var described = sfn.describeExecution(b -> b.executionArn(execution));
      assertThat(described.stateMachineAliasArn()).isEqualTo(alias);
      byVersion.merge(described.stateMachineVersionArn(), 1, Integer::sum);
    }

    assertThat(alias).isEqualTo(machine + ":PROD");
    assertThat(byVersion.keySet()).containsExactlyInAnyOrder(v1, v2);
    assertThat(byVersion.get(v1)).isGreaterThan(byVersion.get(v2));
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias).maxResults(1000)).executions())
        .hasSize(60);
  }

  @Test
  void alias_describeUpdateListDelete_andVersionInUseCannotBeDeleted() {
    String machine = server.create("aliased", SAYS.formatted("one"));
    String v1 =
        sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
    String v2 =
        sfn.updateStateMachine(
                b -> b.stateMachineArn(machine).definition(SAYS.formatted("two")).publish(true))
            .stateMachineVersionArn();
    String alias =
        sfn.createStateMachineAlias(
                b -> b.name("LIVE").description("live").routingConfiguration(route(v1, 100)))
            .stateMachineAliasArn();

    assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1)))
        .isInstanceOf(ConflictException.class);
    sfn.updateStateMachineAlias(
        b -> b.stateMachineAliasArn(alias).routingConfiguration(route(v2, 100)));
    var described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThat(described.name()).isEqualTo("LIVE");
    assertThat(described.description()).isEqualTo("live");
    assertThat(described.routingConfiguration())
        .extracting(RoutingConfigurationListItem::stateMachineVersionArn)
        .containsExactly(v2);
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1));
    assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(machine)).stateMachineAliases())
        .hasSize(1);
    sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void alias_weightsNotAddingUpTo100_validationException() {
    String machine = server.create("bad-weights", SAYS.formatted("one"));
    String v1 =
        sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();

    assertThatThrownBy(
            () ->
                sfn.createStateMachineAlias(
                    b -> b.name("HALF").routingConfiguration(route(v1, 50))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void tags_tagUntagList_onStateMachinesAndActivities() {
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("tagged")
                        .definition(SAYS.formatted("x"))
                        .roleArn(RunningServer.ROLE)
                        .tags(Tag.builder().key("team").value("payments").build()))
            .stateMachineArn();
    String activity = sfn.createActivity(b -> b.name("tagged-activity")).activityArn();

    sfn.tagResource(
        b ->
            b.resourceArn(machine)
                .tags(
                    Tag.builder().key("env").value("prod").build(),
                    Tag.builder().key("team").value("billing").build()));
    sfn.untagResource(b -> b.resourceArn(machine).tagKeys("env"));
    sfn.tagResource(b -> b.resourceArn(activity).tags(Tag.builder().key("k").value("v").build()));

    assertThat(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags())
        .containsExactly(Tag.builder().key("team").value("billing").build());
    assertThat(sfn.listTagsForResource(b -> b.resourceArn(activity)).tags()).hasSize(1);
    assertThatThrownBy(
            () ->
                sfn.listTagsForResource(
                    b -> b.resourceArn("arn:aws:states:us-east-1:123456789012:stateMachine:no")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static RoutingConfigurationListItem route(String version, int weight) {
    return RoutingConfigurationListItem.builder()
        .stateMachineVersionArn(version)
        .weight(weight)
        .build();
  }
}
