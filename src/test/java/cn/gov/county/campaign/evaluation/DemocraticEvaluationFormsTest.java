package cn.gov.county.campaign.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The two forms stay in step with the organization and with the decisions the code knows. */
@CampaignIntegrationTest
class DemocraticEvaluationFormsTest {

  @Autowired
  Organization organization;

  private static JsonNode field(String form, String key) throws IOException {
    return new ObjectMapper().readTree(new File("forms/" + form + ".form")).findParents("key").stream()
        .filter(c -> c.path("key").asText().equals(key)).findFirst().orElseThrow();
  }

  private static Map<String, String> options(JsonNode field) {
    Map<String, String> offered = new LinkedHashMap<>();
    field.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
    return offered;
  }

  @Test
  void theStartFormOffersTheOrganizationsDepartments_filledWhenDeployed() throws IOException {
    JsonNode department = field(EvaluationModel.START_FORM, EvaluationModel.DEPARTMENT);
    assertThat(department.path("properties").path("options").asText()).isEqualTo("departments");
    assertThat(options(department)).containsExactlyEntriesOf(organization.departments().stream()
        .collect(Collectors.toMap(Organization.Department::id, Organization.Department::name, (a, b) -> a,
            LinkedHashMap::new)));
  }

  @Test
  void theReviewFormOffersExactlyTheHandlingDecisions() throws IOException {
    assertThat(options(field("DemocraticEvaluationReviewForm", EvaluationModel.HANDLING_DECISION)))
        .containsExactlyEntriesOf(Arrays.stream(HandlingDecision.values()).collect(Collectors.toMap(
            HandlingDecision::value, HandlingDecision::label, (a, b) -> a, LinkedHashMap::new)));
  }
}
