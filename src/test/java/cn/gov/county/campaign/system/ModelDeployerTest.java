package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.organization.DepartmentFormOptions;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.UnitCategory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDeployerTest {

  /** Another county with two departments, as an office would load with CAMPAIGN_ORGANIZATION_FILE. */
  private static final Organization OTHER_COUNTY = new Organization("另一县", "other.gov.cn", List.of(), List.of(
      new Organization.Department("dept-water", "县水利局", UnitCategory.GOVERNMENT_FUNCTIONAL,
          new Organization.Person("water-head", "甲", null, null),
          new Organization.Person("water-liaison", "乙", null, null), null),
      new Organization.Department("dept-xinan", "新安镇", UnitCategory.TOWNSHIP,
          new Organization.Person("xinan-head", "丙", null, null),
          new Organization.Person("xinan-liaison", "丁", null, null), null)));

  @Test
  void startFormsOfferTheDepartmentsOfTheOrganizationThatIsLoaded() throws Exception {
    // given
    ModelDeployer deployer = new ModelDeployer(null, List.of(new DepartmentFormOptions(OTHER_COUNTY)));
    byte[] form = Files.readAllBytes(Path.of("forms/CampaignLaunchForm.form"));
    // when
    JsonNode deployed = new ObjectMapper().readTree(deployer.withDeployedOptions(form));
    // then
    JsonNode field = deployed.findParents("key").stream()
        .filter(c -> c.path("key").asText().equals("excludedDepartments")).findFirst().orElseThrow();
    assertThat(field.path("values").findValuesAsText("value")).containsExactly("dept-water", "dept-xinan");
    assertThat(field.path("values").findValuesAsText("label")).containsExactly("县水利局", "新安镇");
    assertThat(deployed.findValuesAsText("key")).contains("campaignName", "excludedChecklistItems");
  }

  @Test
  void leavesFormsWithoutMarkedFieldsAsTheyAre() throws Exception {
    byte[] form = Files.readAllBytes(Path.of("forms/WorkPlanForm.form"));
    assertThat(new ModelDeployer(null, List.of(new DepartmentFormOptions(OTHER_COUNTY))).withDeployedOptions(form))
        .isEqualTo(form);
  }
}
