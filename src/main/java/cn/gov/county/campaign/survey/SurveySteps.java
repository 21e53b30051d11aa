package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.escalation.EscalationStep;
import cn.gov.county.campaign.escalation.SurveyEscalation;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.problem.ProblemSource;
import cn.gov.county.campaign.organization.UnitCategory;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.CampaignProperties;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of SatisfactionSurveyProcess: prepare the entry sheet, score and rank the
 * round and propose consequences (SurveyConsequenceDecision.dmn), report the vertically managed units'
 * results to their superiors (every round), collect the measures of a diagnostic round (作风问计),
 * notify the results, and for each consequence the joint meeting confirmed start the escalation step
 * and, for an admonishment talk, the rectification item with its 10-day deadline.
 */
@Configuration(proxyBeanMethods = false)
class SurveySteps {

  private final SurveyRounds rounds;
  private final SurveyRules rules;
  private final SurveyEscalation escalation;
  private final ProblemRegister problems;
  private final Notifications notifications;
  private final Audience audience;
  private final CampaignProperties properties;
  private final Deadlines deadlines;
  private final Notices notices;
  private final Organization organization;
  private final HistoryService history;

  SurveySteps(SurveyRounds rounds, SurveyRules rules, SurveyEscalation escalation, ProblemRegister problems,
      Notifications notifications, Audience audience, CampaignProperties properties, Deadlines deadlines,
      Notices notices, Organization organization, HistoryService history) {
    this.notices = notices;
    this.organization = organization;
    this.history = history;
    this.rounds = rounds;
    this.rules = rules;
    this.escalation = escalation;
    this.problems = problems;
    this.notifications = notifications;
    this.audience = audience;
    this.properties = properties;
    this.deadlines = deadlines;
  }

  @Bean
  JavaDelegate prepareSurveyEntryDelegate() {
    return this::prepare;
  }

  @Bean
  JavaDelegate rankSurveyDelegate() {
    return this::rank;
  }

  @Bean
  JavaDelegate publishSurveyResultsDelegate() {
    return this::publish;
  }

  @Bean
  JavaDelegate reportVerticalUnitsDelegate() {
    return this::reportVerticalUnits;
  }

  @Bean
  JavaDelegate collectSurveyMeasuresDelegate() {
    return this::collectMeasures;
  }

  @Bean
  JavaDelegate startSurveyEscalationDelegate() {
    return this::startEscalation;
  }

  @Bean
  JavaDelegate registerSurveyRectificationDelegate() {
    return this::registerRectification;
  }

  void prepare(DelegateExecution execution) {
    String code = code(execution);
    SurveyRounds.Campaign campaign = rounds.campaign(code)
        .orElseThrow(() -> new IllegalStateException("未知的活动 " + code));
    SurveyScale scale = scale(execution);
    execution.setProcessBusinessKey(code);
    execution.setVariable("campaignName", campaign.name());
    execution.setVariable(SurveyModel.SCALE, scale.name());
    int round = (int) rounds.rounds(code).stream()
        .filter(r -> !r.processInstanceId().equals(execution.getProcessInstanceId())).count() + 1;
    execution.setVariable(SurveyModel.ROUND, round);
    if (execution.getVariable(SurveyModel.COUNTS) == null) {
      execution.setVariable(SurveyModel.COUNTS, SurveyModel.countsForConsequences(round));
    }
    execution.setVariable("surveyFormula", scale.formula());
    execution.setVariable("surveyEntryUrl", properties.link("/campaign/surveys/entry"));
    execution.setVariable(SurveyModel.RESULTS, JsonVariables.of(SurveyRows.empty(campaign.departments(), scale)));
  }

  void rank(DelegateExecution execution) {
    String code = code(execution);
    SurveyScale scale = scale(execution);
    SurveyRounds.Campaign campaign = rounds.campaign(code).orElseThrow();
    List<SurveyScoring.Entry> entries = SurveyEntries.read(
        SurveyRows.toSheet(JsonVariables.read(execution, SurveyModel.RESULTS), scale), scale, campaign.departments());
    boolean counts = Boolean.TRUE.equals(execution.getVariable(SurveyModel.COUNTS));
    List<Map<String, Object>> ranking = new ArrayList<>();
    List<Map<String, Object>> proposed = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    StringBuilder table = new StringBuilder(
        "| 单位类别 | 单位 | 有效票 | 得分 | 名次 | 倒数 | 结果运用 |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
    for (SurveyScoring.Ranked r : SurveyScoring.rank(scale, entries)) {
      SurveyRules.Position position = rules.position(r.unitCategory(), r.rankFromBottom());
      int times = (position.inBottomPosition() && counts ? 1 : 0)
          + rounds.earlierTimesInBottomPosition(code, r.department(), execution.getProcessInstanceId());
      SurveyRules.Consequence consequence = rules.consequence(counts, r.unitCategory(), position.inBottomPosition(),
          times);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("department", r.department());
      row.put("departmentName", r.departmentName());
      row.put("unitCategory", r.unitCategory());
      row.put("counts", r.counts());
      row.put("validAnswers", r.validAnswers());
      row.put("score", r.score().toPlainString());
      row.put("rank", r.rank());
      row.put("rankFromBottom", r.rankFromBottom());
      row.put("categorySize", r.categorySize());
      row.put("inBottomPosition", position.inBottomPosition());
      row.put("positionLabel", position.label());
      row.put("timesInBottomPosition", times);
      row.put("consequence", consequence.code());
      row.put("consequenceLabel", consequence.label());
      ranking.add(row);
      text.append(String.format("%s　%s　第%d名/%d（倒数第%d）　%s分　%s%n", r.unitCategory(), r.departmentName(), r.rank(),
          r.categorySize(), r.rankFromBottom(), r.score().toPlainString(),
          consequence.any() ? "→ " + consequence.label() : position.label()));
      table.append("| ").append(r.unitCategory()).append(" | ").append(r.departmentName()).append(" | ")
          .append(r.validAnswers()).append(" | ").append(r.score().toPlainString()).append(" | ").append(r.rank())
          .append("/")
          .append(r.categorySize()).append(" | ").append(r.rankFromBottom()).append(" | ")
          .append(consequence.any()
              ? "**" + consequence.label() + "**"
              : position.label()
                  + (position.inBottomPosition() && !consequence.label().isEmpty() ? "；" + consequence.label() : ""))
          .append(" |\n");
      if (consequence.any()) {
        Map<String, Object> p = new LinkedHashMap<>(row);
        p.remove("counts");
        p.put("placeText", r.unitCategory() + "第" + r.rank() + "名（共" + r.categorySize() + "个，倒数第" + r.rankFromBottom()
            + "），得分" + r.score().toPlainString() + "，本次活动第" + times + "次排名后位");
        p.put("decision", null);
        p.put("reason", null);
        proposed.add(p);
      }
    }
    execution.setVariable(SurveyModel.RANKING, JsonVariables.of(ranking));
    execution.setVariable(SurveyModel.RANKING_TEXT, text.toString());
    execution.setVariable("surveyRankingTable", table.toString());
    execution.setVariable(SurveyModel.PROPOSED, JsonVariables.of(proposed));
    execution.setVariable("consequencesProposed", proposed.size());
    execution.setVariable("surveyRankingUrl", "/campaign/surveys/" + execution.getProcessInstanceId());
    execution.setVariable(SurveyModel.PUBLICATION_CONTENT, execution.getVariable("campaignName") + " "
        + execution.getVariable(SurveyModel.ROUND_NAME) + "结果（同一单位类别内排名）\n" + text);
  }

  /**
   * After every round's approval: one numbered report (情况报告) per vertically managed unit that was
   * surveyed, from the office to the unit's superior, stating its score and place (seed 004:
   * 垂直管理部门的民意调查结果，由县作风建设年办公室向其主管部门汇报).
   */
  void reportVerticalUnits(DelegateExecution execution) {
    String code = code(execution);
    String round = (String) execution.getVariable(SurveyModel.ROUND_NAME);
    String office = organization.body(Groups.OFFICE).map(Organization.Body::name).orElse("领导小组办公室");
    List<Map<String, Object>> reports = new ArrayList<>();
    for (JsonNode row : JsonVariables.read(execution, SurveyModel.RANKING)) {
      Organization.Department d = audience.department(row.path("department").asText()).orElse(null);
      if (d == null || d.category() != UnitCategory.VERTICALLY_MANAGED) {
        continue;
      }
      String superior = d.superior() != null && !d.superior().isBlank() ? d.superior() : d.name() + "的上级主管部门";
      String body = "在「" + execution.getVariable("campaignName") + "」" + round + "中，" + d.name() + "满意度得分"
          + row.path("score").asText() + "分，在垂直管理部门中排名第" + row.path("rank").asInt() + "名（共"
          + row.path("categorySize").asInt() + "个单位）" + (row.path("inBottomPosition").asBoolean()
              ? "，属" + row.path("positionLabel").asText()
              : "")
          + "。\n"
          + (Boolean.TRUE.equals(execution.getVariable(SurveyModel.COUNTS))
              ? "本轮测评结果已经活动联席会议审定。"
              : "本轮为作风问计测评，只作诊断，不作为问责依据；该单位须在10天内提出整改措施。")
          + "按照活动安排，垂直管理部门的测评结果报告其上级主管部门，请督促其改进作风。";
      IssuedNotice notice = notices.issue(new NoticeDraft(code, NoticeKind.REPORT_TO_SUPERIOR, office, superior,
          "关于" + d.name() + "在" + round + "中测评结果的报告", body,
          EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate(), d.id(),
          execution.getProcessInstanceId(), null));
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("department", d.id());
      report.put("departmentName", d.name());
      report.put("superior", superior);
      report.put("noticeNumber", notice.number());
      report.put("noticeUrl", notice.url());
      reports.add(report);
    }
    execution.setVariable(SurveyModel.SUPERIOR_REPORTS, JsonVariables.of(reports));
  }

  /** The measures each unit proposed after the diagnostic round, as the text the office publishes. */
  void collectMeasures(DelegateExecution execution) {
    StringBuilder text = new StringBuilder(execution.getVariable("campaignName") + " "
        + execution.getVariable(SurveyModel.ROUND_NAME) + "（作风问计）后各单位提出的整改措施\n");
    List<Map<String, Object>> measures = new ArrayList<>();
    for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(execution.getProcessInstanceId()).processDefinitionKey(SurveyModel.MEASURES_PROCESS)
        .orderByProcessInstanceStartTime().asc().list()) {
      Map<String, Object> v = new LinkedHashMap<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(called.getId()).list()) {
        v.put(variable.getName(), variable.getValue());
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("department", v.get("department"));
      row.put("departmentName", v.get("departmentName"));
      row.put("measures", v.get(SurveyModel.MEASURES));
      row.put("responsible", v.get("measuresResponsible"));
      row.put("deadline", v.get("measuresDeadline") == null ? "" : String.valueOf(v.get("measuresDeadline")));
      measures.add(row);
      text.append("\n").append(v.get("departmentName")).append("：").append(v.get(SurveyModel.MEASURES))
          .append("（责任人：").append(v.get("measuresResponsible")).append("；完成时限：").append(row.get("deadline"))
          .append("）");
    }
    execution.setVariable("surveyMeasuresList", JsonVariables.of(measures));
    String content = text.toString();
    execution.setVariable(SurveyModel.PUBLICATION_CONTENT,
        content.length() > 3900 ? content.substring(0, 3899) + "…" : content);
  }

  void publish(DelegateExecution execution) {
    String code = code(execution);
    String round = (String) execution.getVariable(SurveyModel.ROUND_NAME);
    String url = properties.link("/campaign/surveys/" + execution.getProcessInstanceId());
    String published = "已于" + execution.getVariable(SurveyModel.PUBLICATION_DATE) + "在"
        + execution.getVariable(SurveyModel.MEDIUM) + "公布。";
    notifications.send(new Notification("survey-published:" + execution.getProcessInstanceId(), code, null,
        "【测评结果】" + round + "结果已审定", round + "的得分、排名和确认的结果运用措施已审定，" + published + "\n"
            + execution.getVariable(SurveyModel.RANKING_TEXT),
        url), audience.office());
    for (JsonNode row : JsonVariables.read(execution, SurveyModel.RANKING)) {
      audience.department(row.path("department").asText()).ifPresent(d -> notifications.send(new Notification(
          "survey-result:" + execution.getProcessInstanceId() + ":" + d.id(), code, d.id(),
          "【测评结果】" + d.name() + "在" + round + "中得分" + row.path("score").asText() + "分",
          d.name() + "：\n　　您单位在" + round + "中得分" + row.path("score").asText() + "分，在"
              + row.path("unitCategory").asText()
              + "中排名第" + row.path("rank").asInt() + "名（共" + row.path("categorySize").asInt() + "个单位）。"
              + "本轮测评" + published,
          null),
          List.<Recipient>of(audience.liaison(d))));
    }
  }

  void startEscalation(DelegateExecution execution) {
    String department = (String) execution.getVariable("department");
    JsonNode row = proposedRow(execution, department);
    Organization.Department d = audience.department(department).orElseThrow();
    String round = (String) execution.getVariable(SurveyModel.ROUND_NAME);
    String facts = "在「" + execution.getVariable("campaignName") + "」" + round + "中，" + d.name() + "满意度得分"
        + row.path("score").asText() + "分，在" + row.path("unitCategory").asText() + "中排名倒数第"
        + row.path("rankFromBottom").asInt() + "位（共" + row.path("categorySize").asInt() + "个单位），属"
        + row.path("positionLabel").asText() + (row.path("timesInBottomPosition").asInt() > 1
            ? "，是本次活动中第" + row.path("timesInBottomPosition").asInt() + "次排名后位"
            : "")
        + "。";
    String consequence = row.path("consequence").asText();
    escalation.start(new SurveyEscalation.Cause("survey:" + execution.getProcessInstanceId() + ":" + department,
        code(execution), (String) execution.getVariable("campaignName"), d, EscalationStep.valueOf(consequence),
        round + "排名后位", facts));
    execution.setVariableLocal("departmentName", d.name());
    execution.setVariableLocal("surveyFacts", facts);
    execution.setVariableLocal("consequenceLabel", row.path("consequenceLabel").asText());
    execution.setVariableLocal("rectificationRequired", EscalationStep.ADMONISHMENT_TALK.name().equals(consequence));
  }

  void registerRectification(DelegateExecution execution) {
    String department = (String) execution.getVariable("department");
    List<String> codes = problems.register(code(execution), List.of(new ProblemRegister.NewProblem(
        department, ProblemSource.satisfactionSurvey,
        execution.getVariable("surveyFacts") + "须在" + deadlines.limit("rectification-measures").label()
            + "内提出整改措施，限期整改，并向社会公开承诺。",
        "满意度测评排名后位", null)));
    execution.setVariableLocal("problemCode", codes.get(0));
  }

  private JsonNode proposedRow(DelegateExecution execution, String department) {
    for (JsonNode row : JsonVariables.read(execution, SurveyModel.PROPOSED)) {
      if (row.path("department").asText().equals(department)) {
        return row;
      }
    }
    throw new IllegalStateException("没有 " + department + " 的结果运用措施");
  }

  private SurveyScale scale(DelegateExecution execution) {
    String name = (String) execution.getVariable(SurveyModel.SCALE);
    return rounds.scale(name).orElseThrow(() -> new IllegalStateException("未配置的测评选项 " + name));
  }

  private static String code(DelegateExecution execution) {
    return (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
  }
}
