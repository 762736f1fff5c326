package dev.mercury.invoke.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercury.language.json.Json;
import org.junit.jupiter.api.Test;

class FormEncodingTest {
  private static final String BODY = "{\"array\": [\"a\", \"b\"], \"x\": 1}";

  private static String encode(FormEncoding format) {
    return java.net.URLDecoder.decode(
        format.encode(Json.parseTrusted(BODY)), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void indices_numbersEachItem() {
    assertThat(encode(FormEncoding.INDICES)).isEqualTo("array[0]=a&array[1]=b&x=1");
  }

  @Test
  void repeat_repeatsTheKey() {
    assertThat(encode(FormEncoding.REPEAT)).isEqualTo("array=a&array=b&x=1");
  }

  @Test
  void commas_joinsTheItems() {
    assertThat(encode(FormEncoding.COMMAS)).isEqualTo("array=a,b&x=1");
  }

  @Test
  void brackets_addsEmptyBrackets() {
    assertThat(encode(FormEncoding.BRACKETS)).isEqualTo("array[]=a&array[]=b&x=1");
  }

  @Test
  void nestedObject_usesFieldInBrackets() {
    String encoded = FormEncoding.INDICES.encode(Json.parseTrusted("{\"a\": {\"b\": \"c d\"}}"));

    assertThat(encoded).isEqualTo("a%5Bb%5D=c+d");
  }

  @Test
  void named_unknownFormat_saysWhichAreKnown() {
    assertThatThrownBy(() -> FormEncoding.named("SLASHES"))
        .hasMessageContaining("BRACKETS, COMMAS, INDICES or REPEAT");
  }
}
