package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What SatisfactionSurveyProcess asks of a round's data: {@code ${surveyConsequences.confirmedDepartments(execution)}}
 * (the consequences the joint meeting confirmed), {@code surveyedDepartments} (every ranked unit, which
 * proposes measures after the diagnostic round) and one unit's own facts for its called process.
 */
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

  /** Every department ranked in the round (the surveyed ones), in ranking order. */
  public List<String> surveyedDepartments(VariableScope execution) {
    List<String> departments = new ArrayList<>();
    for (JsonNode row : JsonVariables.read(execution, SurveyModel.RANKING)) {
      departments.add(row.path("department").asText());
    }
    return departments;
  }

  public String departmentName(VariableScope execution, String department) {
    return row(execution, department).path("departmentName").asText(department);
  }

  /** The department's own result in one sentence: nothing about the other units but their number. */
  public String facts(VariableScope execution, String department) {
    JsonNode row = row(execution, department);
    return "在「" + execution.getVariable("campaignName") + "」" + execution.getVariable(SurveyModel.ROUND_NAME) + "中，"
        + row.path("departmentName").asText() + "满意度得分" + row.path("score").asText() + "分，在"
        + row.path("unitCategory").asText() + "中排名第" + row.path("rank").asInt() + "名（共"
        + row.path("categorySize").asInt() + "个单位）。";
  }

  private static JsonNode row(VariableScope execution, String department) {
    for (JsonNode row : JsonVariables.read(execution, SurveyModel.RANKING)) {
      if (row.path("department").asText().equals(department)) {
        return row;
      }
    }
    throw new IllegalStateException("本轮测评没有 " + department + " 的结果");
  }
}
