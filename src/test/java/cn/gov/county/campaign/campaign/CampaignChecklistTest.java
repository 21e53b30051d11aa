package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignChecklistTest {

  private final CampaignChecklist checklist = new CampaignChecklist();

  @Test
  void defaultsAreTheSixProblemAreasAndSixteenManifestations() {
    assertThat(checklist.defaults()).hasSize(22);
    assertThat(checklist.defaults().get(0).text()).contains("服务观念");
    assertThat(checklist.defaults().get(21).code()).isEqualTo("M16");
  }

  @Test
  void officeDeselectsItemsAndAddsItsOwn() {
    // when
    List<CampaignChecklist.Item> items = checklist.compose(Set.of("A6", "M10"), "窗口单位“冷硬横推”\n\n  会风文风不实  ");
    // then
    assertThat(items).hasSize(22 - 2 + 2);
    assertThat(items).extracting(CampaignChecklist.Item::code).doesNotContain("A6", "M10").endsWith("X01", "X02");
    assertThat(items.get(items.size() - 1).text()).isEqualTo("会风文风不实");
  }
}
