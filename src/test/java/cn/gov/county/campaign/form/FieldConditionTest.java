package cn.gov.county.campaign.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FieldConditionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Function<List<String>, JsonNode> data(String json) throws Exception {
    JsonNode root = JSON.readTree(json);
    return path -> {
      JsonNode node = root;
      for (String segment : path) {
        node = node.path(segment);
      }
      return node;
    };
  }

  @Test
  void evaluatesComparisonsLikeFeel() throws Exception {
    // given
    var data = data("{\"decision\":\"returned\",\"count\":3,\"flag\":true,\"plan\":{\"owner\":\"王敏\"}}");
    // then
    assertThat(FieldCondition.parse("=decision = \"returned\"").isTrue(data)).isTrue();
    assertThat(FieldCondition.parse("=decision != \"returned\"").isTrue(data)).isFalse();
    assertThat(FieldCondition.parse("=count >= 3 and flag").isTrue(data)).isTrue();
    assertThat(FieldCondition.parse("=count < 3 or not(flag)").isTrue(data)).isFalse();
    assertThat(FieldCondition.parse("=plan.owner = \"王敏\"").isTrue(data)).isTrue();
    assertThat(FieldCondition.parse("=(count = 3) and (decision = \"returned\")").isTrue(data)).isTrue();
  }

  @Test
  void treatsNullAsFeelDoes() throws Exception {
    // given
    var data = data("{}");
    // then: not(null) is null, so a field hidden by =not(x) stays visible while x is unset
    assertThat(FieldCondition.parse("=not(comment)").isTrue(data)).isFalse();
    assertThat(FieldCondition.parse("=decision = \"returned\"").isTrue(data)).isFalse();
    assertThat(FieldCondition.parse("=decision != \"returned\"").isTrue(data)).isTrue();
    assertThat(FieldCondition.parse("=decision = null").isTrue(data)).isTrue();
  }

  @Test
  void marksExpressionsOutsideTheSubsetUnsupported() {
    assertThat(FieldCondition.parse("=count(items) > 2").isSupported()).isFalse();
    assertThat(FieldCondition.parse("=decision = \"a").isSupported()).isFalse();
    assertThat(FieldCondition.parse("=a = ").isSupported()).isFalse();
    assertThat(FieldCondition.supports("=decision != \"returned\"")).isTrue();
  }
}
