package dev.mercury.transition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTokenTest {
  private static final String ARN = Arns.execution(Arns.stateMachine("m"), "e.1");

  @Test
  void issue_thenDecode_givesTheAddressBack() {
    String token = TaskToken.issue(ARN, 4, 17);

    assertThat(TaskToken.decode(token)).contains(new TaskToken.Address(ARN, 4, 17));
    assertThat(token).hasSizeLessThan(2048).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void issue_sameAddressTwice_differentTokens() {
    assertThat(TaskToken.issue(ARN, 0, 1)).isNotEqualTo(TaskToken.issue(ARN, 0, 1));
  }

  @Test
  void decode_textNotIssuedByMercury_empty() {
    assertThat(TaskToken.decode("not a token")).isEmpty();
    assertThat(TaskToken.decode("AAAA")).isEmpty();
    assertThat(TaskToken.decode("")).isEmpty();
  }

  @Test
  void mapRunArn_leadsBackToItsExecutionAndFlow() {
    String run = Arns.mapRun(ARN, "label", 3, 9);

    assertThat(run).isEqualTo("arn:aws:states:us-east-1:123456789012:mapRun:m/label:e.1.3.9");
    assertThat(Arns.executionOfMapRun(run)).isEqualTo(ARN);
    assertThat(Arns.flowOfMapRun(run)).isEqualTo(3);
  }
}
