package cn.gov.county.campaign.evaluation;

import static cn.gov.county.campaign.evaluation.EvaluationModel.*;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the start form's schema cannot say: a campaign code names a real campaign, the year is not
 * in the future, there were votes at all, and a leader has one record per year.
 * (Department options, required fields, whole non-negative numbers are the schema's.)
 */
@Component
class DemocraticEvaluationRule implements FormRule {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final DemocraticEvaluations evaluations;
  private final HistoryService historyService;
  private final OrganizationDirectory directory;

  DemocraticEvaluationRule(DemocraticEvaluations evaluations, HistoryService historyService,
      OrganizationDirectory directory) {
    this.evaluations = evaluations;
    this.historyService = historyService;
    this.directory = directory;
  }

  @Override
  public String formId() {
    return START_FORM;
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String code = text(values, CAMPAIGN_CODE);
    if (!code.isEmpty() && !isCampaign(code)) {
      violations.add(new FieldViolation(CAMPAIGN_CODE, "所属整改活动编号",
          "「所属整改活动编号」" + code + " 不是正在进行或已结束的整改活动，不属于整改活动的可不填"));
    }
    int year = values.get(EVALUATION_YEAR).asInt();
    int thisYear = LocalDate.ofInstant(EngineInternals.now(), CHINA).getYear();
    if (year > thisYear) {
      violations.add(new FieldViolation(EVALUATION_YEAR, "测评年度", "「测评年度」不能晚于今年（" + thisYear + "）"));
    }
    long total = values.get(VOTES_COMPETENT).asLong() + values.get(VOTES_BASICALLY_COMPETENT).asLong()
        + values.get(VOTES_INCOMPETENT).asLong();
    if (total <= 0) {
      violations.add(new FieldViolation(VOTES_COMPETENT, "称职票数",
          "「称职票数」「基本称职票数」「不称职票数」合计为 0，请填写实际测评票数"));
    }
    String department = text(values, DEPARTMENT);
    String leaderName = text(values, LEADER_NAME);
    if (evaluations.exists(evaluationKey(department, leaderName, year))) {
      violations.add(new FieldViolation(LEADER_NAME, "领导干部姓名", "「领导干部姓名」" + leaderName + "（"
          + directory.nameOf(department) + "）" + year + " 年度已有民主测评记录，不能重复录入"));
    }
    return violations;
  }

  /** A campaign running or finished (not one an administrator cancelled). */
  private boolean isCampaign(String code) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code)
        .list().stream()
        .anyMatch(i -> !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(i.getState()));
  }

  private static String text(Map<String, JsonNode> values, String name) {
    JsonNode value = values.get(name);
    return value == null || value.isNull() ? "" : value.asText("").strip();
  }
}
