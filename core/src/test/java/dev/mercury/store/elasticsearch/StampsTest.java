package dev.mercury.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercury.store.elasticsearch.Stamps.Stamp;
import java.util.List;
import org.junit.jupiter.api.Test;

class StampsTest {
  private static Stamp ofBytes(int size) {
    return new Stamp(1, 1, 1, List.of(), new byte[size - 64]);
  }

  @Test
  void put_pastTheBudget_dropsTheLeastRecentlyUsedFirst() {
    Stamps stamps = new Stamps(3_000);
    stamps.put("a", ofBytes(1_000));
    stamps.put("b", ofBytes(1_000));
    stamps.put("c", ofBytes(1_000));
    stamps.get("a");

    stamps.put("d", ofBytes(1_000));

    assertThat(stamps.get("b")).isNull();
    assertThat(stamps.get("a")).isNotNull();
    assertThat(stamps.get("c")).isNotNull();
    assertThat(stamps.get("d")).isNotNull();
  }

  @Test
  void put_oneLargeCheckpoint_takesThePlaceOfSeveralSmallOnes() {
    Stamps stamps = new Stamps(3_000);
    stamps.put("a", ofBytes(1_000));
    stamps.put("b", ofBytes(1_000));

    stamps.put("big", ofBytes(2_500));

    assertThat(stamps.get("a")).isNull();
    assertThat(stamps.get("b")).isNull();
    assertThat(stamps.get("big")).isNotNull();
  }

  @Test
  void removeAndReplace_giveTheirBytesBack() {
    Stamps stamps = new Stamps(3_000);
    stamps.put("a", ofBytes(1_000));
    stamps.put("a", ofBytes(1_000));
    stamps.put("b", ofBytes(1_000));
    stamps.remove("b");

    stamps.put("c", ofBytes(1_000));
    stamps.put("d", ofBytes(1_000));

    assertThat(stamps.get("a")).isNotNull();
    assertThat(stamps.get("c")).isNotNull();
    assertThat(stamps.get("d")).isNotNull();
  }
}
