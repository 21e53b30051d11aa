package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpotCheckSamplerTest {

  private static final List<String> DEPARTMENTS = List.of("dept-propaganda", "dept-union", "dept-devreform",
      "dept-finance", "dept-market", "dept-education", "dept-taxation", "dept-meteorology");

  @Test
  void theRecordedSeedReproducesTheDraw() {
    // when
    List<String> first = SpotCheckSampler.random(DEPARTMENTS, 3, 20270813L);
    List<String> again = SpotCheckSampler.random(DEPARTMENTS, 3, 20270813L);
    List<String> otherSeed = SpotCheckSampler.random(DEPARTMENTS, 3, 42L);
    // then
    assertThat(first).hasSize(3).doesNotHaveDuplicates().isSubsetOf(DEPARTMENTS).isEqualTo(again);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void neverDrawsMoreThanTakePart() {
    assertThat(SpotCheckSampler.random(DEPARTMENTS, 20, 1L)).containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
  }

  @Test
  void designatedSampleKeepsOnlyParticipatingDepartments() {
    assertThat(SpotCheckSampler.designated(DEPARTMENTS, Set.of("dept-finance", "dept-chengguan", "dept-union")))
        .containsExactly("dept-union", "dept-finance");
  }
}
