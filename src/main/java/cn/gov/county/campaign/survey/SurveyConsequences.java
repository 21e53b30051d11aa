package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** {@code ${surveyConsequences.confirmedDepartments(execution)}}: the consequences the office confirmed. */
@Component("surveyConsequences")
public class SurveyConsequences {

  public List<String> confirmedDepartments(VariableScope execution) {
    List<String> departments = new ArrayList<>();
    for (JsonNode row : JsonVariables.read(execution, SurveyModel.PROPOSED)) {
      if (SurveyModel.CONFIRM.equals(row.path("decision").asText())) {
        departments.add(row.path("department").asText());
      }
    }
    return departments;
  }
}
