package cn.gov.county.campaign.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.UnitCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may decide a measure: the measure's bodies, and measures on cadres only where the county manages them. */
class SupervisionAuthorityTest {

  private static final Organization.Person NOBODY = new Organization.Person("p", "某人", null, null);
  private static final Organization COUNTY = new Organization("示范县", "demo.gov.cn", List.of(
      new Organization.Body("supervision-office", "县委督查室", "工作机构", List.of()),
      new Organization.Body("discipline-inspection", "县纪委监委", "工作机构", List.of()),
      new Organization.Body("organization-dept", "县委组织部", "工作机构", List.of())),
      List.of(
          new Organization.Department("dept-finance", "县财政局", UnitCategory.GOVERNMENT_FUNCTIONAL, NOBODY, NOBODY, null),
          new Organization.Department("dept-power", "县供电公司", UnitCategory.GOVERNMENT_FUNCTIONAL, NOBODY, NOBODY, null,
              "市供电公司党委"),
          new Organization.Department("dept-tax", "县税务局", UnitCategory.VERTICALLY_MANAGED, NOBODY, NOBODY, "市税务局")));

  private final SupervisionAuthority authority = new SupervisionAuthority(COUNTY);

  @Test
  void aBodyDecidesOnlyTheMeasuresThatAreItsToDecide() {
    assertThat(
        authority.decide(SupervisionMeasure.RECTIFICATION_NOTICE, List.of("supervision-office"), "dept-finance").body())
        .isEqualTo("supervision-office");
    assertThat(
        authority.decide(SupervisionMeasure.ADMONISHMENT_TALK, List.of("supervision-office"), "dept-finance").refusal())
        .isEqualTo("「处理措施」诫勉谈话须由县纪委监委或县委组织部决定，县委督查室无此权限");
    assertThat(
        authority.decide(SupervisionMeasure.ADMONISHMENT_TALK, List.of("organization-dept"), "dept-finance").body())
        .isEqualTo("organization-dept");
  }

  @Test
  void measuresOnCadresFollowWhoManagesTheUnitsLeaders_asTheOrganizationFileSays() {
    assertThat(authority.decide(SupervisionMeasure.ORGANIZATIONAL_HANDLING, List.of("organization-dept"), "dept-power")
        .refusal()).isEqualTo("「处理措施」县供电公司的干部由市供电公司党委管理，组织处理建议不能由县里决定，请选择其他措施并向市供电公司党委通报情况");
    assertThat(authority.decide(SupervisionMeasure.ADMONISHMENT_TALK, List.of("discipline-inspection"), "dept-tax")
        .refusal()).startsWith("「处理措施」县税务局是垂直管理部门，其干部由市税务局管理");
    // a measure on the unit, not on its cadres, is the county's to decide anywhere
    assertThat(
        authority.decide(SupervisionMeasure.NAMED_CRITICISM, List.of("discipline-inspection"), "dept-tax").body())
        .isEqualTo("discipline-inspection");
  }
}
