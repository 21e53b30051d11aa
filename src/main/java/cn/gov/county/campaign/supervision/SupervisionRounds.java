package cn.gov.county.campaign.supervision;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervision office's semi-monthly round (半月督查, seed 000): twice a month it records what it
 * checked (which campaign, which units, 明查 or 暗访, by whom, when) and what it found; each finding
 * it marks 立案 becomes a supervision case (from a 明查暗访 check) with its proposed measure.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionRounds {

  static final String FORM = "SupervisionRoundForm";
  static final String FINDINGS = "roundFindings";

  private final RuntimeService runtime;
  private final ProblemRegister register;
  private final String schedule;

  SupervisionRounds(RuntimeService runtime, ProblemRegister register,
      @Value("${campaign.supervision-round.schedule:0 0 9 1,16 * ?}") String schedule) {
    this.runtime = runtime;
    this.register = register;
    this.schedule = schedule;
  }

  /** Read by the model's timer: {@code ${supervisionRoundSchedule.cron}}. */
  public record Schedule(String cron) {
    public String getCron() {
      return cron;
    }
  }

  @Bean
  Schedule supervisionRoundSchedule() {
    return new Schedule(schedule);
  }

  @Bean
  JavaDelegate prepareSupervisionRoundDelegate() {
    return this::prepare;
  }

  @Bean
  JavaDelegate openRoundCasesDelegate() {
    return this::openCases;
  }

  @Bean
  FormRule supervisionRoundRule() {
    return FormRule.of(FORM, this::check);
  }

  void prepare(DelegateExecution execution) {
    List<Map<String, String>> options = new ArrayList<>();
    for (ProcessInstance campaign : runtime.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).active().list()) {
      if (campaign.getBusinessKey() != null && !campaign.getBusinessKey().isBlank()) {
        options.add(Map.of("label", runtime.getVariable(campaign.getId(), "campaignName") + "（"
            + campaign.getBusinessKey() + "）", "value", campaign.getBusinessKey()));
      }
    }
    LocalDate today = today();
    execution.setVariable("campaignOptions", JsonVariables.of(options));
    execution.setVariable("campaignsRunning", !options.isEmpty());
    execution.setVariable("roundPeriod", today.getYear() + "年" + today.getMonthValue() + "月"
        + (today.getDayOfMonth() < 16 ? "上半月" : "下半月"));
  }

  List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String code = text(values.get(CampaignModel.CAMPAIGN_CODE));
    if (register.campaign(code).isEmpty()) {
      violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "整改活动", "「整改活动」" + code + " 不是正在进行的整改活动"));
      return violations;
    }
    String checkedOn = text(values.get("checkedOn"));
    if (checkedOn.length() >= 10 && LocalDate.parse(checkedOn.substring(0, 10)).isAfter(today())) {
      violations.add(new FieldViolation("checkedOn", "检查日期", "「检查日期」不能晚于今天"));
    }
    Set<String> participating = register.participatingDepartments(code);
    int row = 1;
    for (JsonNode finding : values.getOrDefault(FINDINGS, MissingNode.getInstance())) {
      if (!participating.contains(text(finding.get("findingDepartment")))) {
        violations.add(new FieldViolation(FINDINGS, "发现的问题", "「发现的问题」第 " + row + " 行的单位未参加活动 " + code));
      }
      row++;
    }
    return violations;
  }

  void openCases(DelegateExecution execution) {
    List<String> cases = new ArrayList<>();
    String checkedBy = String.valueOf(execution.getVariable("checkedBy"));
    for (JsonNode finding : JsonVariables.read(execution, FINDINGS)) {
      if (!finding.path("openCase").asBoolean()) {
        continue;
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(SupervisionModel.CAMPAIGN_CODE, execution.getVariable(CampaignModel.CAMPAIGN_CODE));
      variables.put(SupervisionModel.DEPARTMENT, finding.path("findingDepartment").asText());
      variables.put(SupervisionModel.CADRE_NAME, "");
      variables.put(SupervisionModel.CADRE_POST, "");
      variables.put(SupervisionModel.FINDING_SOURCE, "spotCheck");
      variables.put("checkMode", execution.getVariable("checkMode"));
      variables.put("checkedBy", checkedBy);
      variables.put("checkedOn", execution.getVariable("checkedOn"));
      variables.put(SupervisionModel.FINDING, finding.path("findingText").asText());
      variables.put("evidence", "半月督查（" + execution.getVariable("roundPeriod") + "）");
      variables.put("seriousness", finding.path("findingSeriousness").asText("general"));
      variables.put("repeated", false);
      cases.add(runtime.startProcessInstanceByKey(SupervisionModel.PROCESS, variables).getId());
    }
    execution.setVariable("casesOpened", cases.size());
    execution.setVariable("caseInstances", String.join(",", cases));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText("").strip();
  }

  private static LocalDate today() {
    return EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
  }
}
