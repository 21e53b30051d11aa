package cn.gov.county.campaign.assessment;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.UnitCategory;
import cn.gov.county.campaign.record.DepartmentRecord;
import cn.gov.county.campaign.record.DepartmentRecords;
import cn.gov.county.campaign.supervision.SupervisionMeasures;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The year-end assessment (年底考核评比; seed 002: 注重实绩、严格奖惩; seed 004: 年底考核评比, 实绩档案): every
 * unit is scored from its records of the year's campaigns and ranked within its unit category; the
 * grade comes from {@code AnnualAssessmentGradeDecision.dmn}. A unit whose 评优 was cancelled for the year
 * (取消年度评优评奖资格) is ranked but never commended; the units with the most verified complaints
 * are listed for accountability (问责). The office confirms; then the results are stored, numbered
 * and circulated.
 *
 * <p>Score: the average of a conduct score and a performance score. Conduct (作风, from the records):
 * 100, minus 5 per verified complaint, 2 per escalation step issued, 3 per supervision case and 5
 * more for a serious one (通报批评 and heavier), 1 per task done late or overdue; plus 5 for a final
 * assessment 好 in a campaign, minus 5 for 差; per survey round plus 2 in the top third of the
 * category, minus 5 when the round's consequences applied; minus 5 for a campaign whose unit
 * commitment the head did not sign; minus 2 per leader whose commitments the office rated 基本履行 at
 * year end and 5 per leader rated 未履行 ({@link LeaderFulfilment}); between 0 and 100. Performance (实绩, 0 to 100): given
 * by the office on the unit category's own criteria ({@link #CRITERIA}).
 */
@Configuration(proxyBeanMethods = false)
class AnnualAssessments {

  static final String ROWS = "assessmentRows";
  /** The conduct scores from the records, before the office's performance scores. */
  static final String DRAFT = "assessmentDraft";
  /** The office's performance scores (实绩), one line per unit with its category's criteria. */
  static final String PERFORMANCE = "performanceScores";

  /** What each category is assessed on (seed 002: 园区看开发建设成效，乡镇看经济实力和民生，部门看办实事、抓落实和服务). */
  static final Map<UnitCategory, String> CRITERIA = Map.of(
      UnitCategory.INDUSTRIAL_PARK, "开发建设成效：引进大项目好项目、工业增加值、财政收入增长、公建配套完善程度",
      UnitCategory.TOWNSHIP, "经济实力、财政收入、农民增收、集镇面貌、美丽乡村建设成效",
      UnitCategory.PARTY_AND_MASS, "为经济发展办的实事、县委县政府交办工作落实、办事效率和服务态度的群众认可",
      UnitCategory.GOVERNMENT_FUNCTIONAL, "为经济发展办的实事、县委县政府交办工作落实、办事效率和服务态度的群众认可",
      UnitCategory.VERTICALLY_MANAGED, "为经济发展办的实事、县委县政府交办工作落实、办事效率和服务态度的群众认可");
  private static final Set<String> SERIOUS = Set.of("namedCriticism", "admonishmentTalk", "selfCriticismOrder",
      "organizationalHandling", "mediaExposure");

  private final HistoryService history;
  private final DecisionService decisions;
  private final DepartmentRecords records;
  private final SupervisionMeasures supervision;
  private final Organization organization;
  private final Notices notices;
  private final Notifications notifications;
  private final NamedParameterJdbcTemplate jdbc;
  private final Audience audience;
  private final LeaderFulfilment leaders;

  AnnualAssessments(HistoryService history, DecisionService decisions, DepartmentRecords records,
      SupervisionMeasures supervision, Organization organization, Notices notices, Notifications notifications,
      NamedParameterJdbcTemplate jdbc, Audience audience, LeaderFulfilment leaders) {
    this.leaders = leaders;
    this.history = history;
    this.decisions = decisions;
    this.records = records;
    this.supervision = supervision;
    this.organization = organization;
    this.notices = notices;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.audience = audience;
  }

  @Bean
  JavaDelegate scoreAnnualAssessmentDelegate() {
    return execution -> score(execution, ((Number) execution.getVariable("assessmentYear")).intValue());
  }

  @Bean
  JavaDelegate rankAnnualAssessmentDelegate() {
    return this::rankWithPerformance;
  }

  @Bean
  JavaDelegate publishAnnualAssessmentDelegate() {
    return this::publish;
  }

  void score(DelegateExecution execution, int year) {
    List<String> campaigns = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .list().stream().filter(c -> c.getBusinessKey() != null && yearOf(c) == year)
        .map(HistoricProcessInstance::getBusinessKey).distinct().toList();
    Set<String> disqualified = supervision.disqualified(year);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Organization.Department department : organization.departments()) {
      int complaints = 0;
      int escalations = 0;
      int cases = 0;
      int serious = 0;
      int late = 0;
      int finalBonus = 0;
      int surveyAndCommitmentPoints = 0;
      for (String code : campaigns) {
        DepartmentRecord record = records.of(code, department.id()).orElse(null);
        if (record == null) {
          continue;
        }
        complaints += (int) record.complaints().stream().filter(c -> c.isSubstantiated()).count();
        escalations += (int) record.escalationSteps().stream().filter(s -> !"stop".equals(s.decision())).count();
        cases += record.supervisionMeasures().size();
        serious += (int) record.supervisionMeasures().stream().filter(m -> SERIOUS.contains(m.measure())).count();
        // against the original deadline: an approved extension moves the ladder's date, not the assessment's (延期申请)
        late += (int) record.deadlines().stream().filter(d -> d.originalWorkingDaysLate() > 0).count();
        for (DepartmentRecord.SurveyResult survey : record.surveys()) {
          surveyAndCommitmentPoints += !survey.consequence().isEmpty()
              ? -5
              : survey.rank() * 3 <= survey.categorySize() ? 2 : 0;
        }
        if (record.commitments() == null || record.commitments().signedAt() == null) {
          surveyAndCommitmentPoints -= 5; // the unit head did not sign the unit's commitment
        }
        if (record.finalAssessment() != null) {
          finalBonus += "excellent".equals(record.finalAssessment().grade())
              ? 5
              : "poor".equals(record.finalAssessment().grade()) ? -5 : 0;
        }
      }
      int conduct = Math.max(0, Math.min(100, 100 - 5 * complaints - 2 * escalations - 3 * cases - 5 * serious - late
          + finalBonus + surveyAndCommitmentPoints));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("department", department.id());
      row.put("departmentName", department.name());
      row.put("unitCategory", department.category().label());
      row.put("conductScore", conduct);
      row.put("verifiedComplaints", complaints);
      row.put("escalations", escalations);
      row.put("supervisionCases", cases);
      row.put("lateTasks", late);
      row.put("disqualified", disqualified.contains(department.id()));
      rows.add(row);
    }
    execution.setVariable(DRAFT, JsonVariables.of(rows));
    execution.setVariable(PERFORMANCE, JsonVariables.of(rows.stream().map(r -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("department", r.get("department"));
      line.put("departmentName", r.get("departmentName"));
      line.put("criteria", CRITERIA.get(UnitCategory.fromLabel((String) r.get("unitCategory"))));
      line.put("performanceScore", null);
      return line;
    }).toList()));
    execution.setVariable("campaignsAssessed", campaigns.isEmpty() ? "无" : String.join("、", campaigns));
    leaders.prepareRatings(execution);
  }

  /**
   * The year's score: half the conduct score from the records, half the performance score the office
   * gave on the category's own criteria (seed 002); graded, ranked and listed.
   */
  void rankWithPerformance(DelegateExecution execution) {
    Map<String, Integer> performance = new java.util.HashMap<>();
    for (JsonNode line : JsonVariables.read(execution, PERFORMANCE)) {
      performance.put(line.path("department").asText(), line.path("performanceScore").asInt());
    }
    Map<String, Integer> leaderPenalties = leaders.applyRatings(execution);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode draft : JsonVariables.read(execution, DRAFT)) {
      Map<String, Object> row = new LinkedHashMap<>();
      draft.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().isInt()
          ? f.getValue().asInt()
          : f.getValue().isBoolean() ? f.getValue().asBoolean() : f.getValue().asText()));
      int perf = performance.getOrDefault(draft.path("department").asText(), 0);
      int leaderPenalty = leaderPenalties.getOrDefault(draft.path("department").asText(), 0);
      int conduct = Math.max(0, draft.path("conductScore").asInt() - leaderPenalty);
      row.put("leaderPenalty", leaderPenalty);
      row.put("conductScore", conduct);
      int score = (int) Math.round((conduct + perf) / 2.0);
      DmnDecisionRuleResult grade = decisions.evaluateDecisionTableByKey("AnnualAssessmentGradeDecision",
          Map.of("score", score)).getSingleResult();
      row.put("performanceScore", perf);
      row.put("score", score);
      row.put("grade", grade.getEntry("grade"));
      row.put("gradeLabel", grade.getEntry("gradeLabel"));
      rows.add(row);
    }
    rank(rows);
    execution.setVariable(ROWS, JsonVariables.of(rows));
    execution.setVariable("commendedUnits", names(rows, "commended"));
    execution.setVariable("accountableUnits", names(rows, "accountable"));
    execution.setVariable("disqualifiedUnits", names(rows, "disqualified"));
  }

  /**
   * Ranks within each category by score (equal scores share a place); commends the units graded 好
   * in the top third of their category (at least the first) unless disqualified; marks for
   * accountability the units with the most verified complaints, when there are any.
   */
  static void rank(List<Map<String, Object>> rows) {
    int mostComplaints = rows.stream().mapToInt(r -> (Integer) r.get("verifiedComplaints")).max().orElse(0);
    Map<Object, List<Map<String, Object>>> byCategory = rows.stream()
        .collect(Collectors.groupingBy(r -> r.get("unitCategory"), LinkedHashMap::new, Collectors.toList()));
    byCategory.values().forEach(category -> {
      category.sort(Comparator.comparing((Map<String, Object> r) -> (Integer) r.get("score")).reversed());
      int place = 0;
      Integer previous = null;
      int commendable = Math.max(1, category.size() / 3);
      for (int i = 0; i < category.size(); i++) {
        Map<String, Object> row = category.get(i);
        if (!row.get("score").equals(previous)) {
          place = i + 1;
          previous = (Integer) row.get("score");
        }
        row.put("categoryRank", place);
        row.put("categorySize", category.size());
        row.put("commended", place <= commendable && "excellent".equals(row.get("grade"))
            && !Boolean.TRUE.equals(row.get("disqualified")));
        row.put("accountable", mostComplaints > 0 && (Integer) row.get("verifiedComplaints") == mostComplaints);
      }
    });
    rows.clear();
    byCategory.values().forEach(rows::addAll);
  }

  private static String names(List<Map<String, Object>> rows, String flag) {
    String names = rows.stream().filter(r -> Boolean.TRUE.equals(r.get(flag)))
        .map(r -> (String) r.get("departmentName"))
        .collect(Collectors.joining("、"));
    return names.isEmpty() ? "无" : names;
  }

  void publish(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("assessmentYear")).intValue();
    String confirmedBy = history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .finished().list().stream().map(t -> t.getAssignee()).filter(a -> a != null).findFirst().orElse(null);
    LocalDateTime now = LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA);
    StringBuilder body = new StringBuilder("根据" + year + "年度各单位在整改活动中的实绩档案（投诉举报查实、督办、督查问责、"
        + "任务按时完成和活动成效评定），经领导小组办公室审定，现将年度考核评比结果通报如下。\n");
    for (JsonNode row : JsonVariables.read(execution, ROWS)) {
      jdbc.update("""
          INSERT INTO campaign_annual_assessment (assessment_year, department, department_name, unit_category, score,
            grade, category_rank, category_size, verified_complaints, escalations, supervision_cases, late_tasks,
            disqualified, commended, accountable, process_instance_id, confirmed_by, published_at, conduct_score,
            performance_score)
          VALUES (:year, :department, :departmentName, :unitCategory, :score, :grade, :rank, :size, :complaints,
            :escalations, :cases, :late, :disqualified, :commended, :accountable, :instance, :confirmedBy, :publishedAt,
            :conduct, :performance)
          """,
          new MapSqlParameterSource().addValue("year", year).addValue("department", row.path("department").asText())
              .addValue("departmentName", row.path("departmentName").asText())
              .addValue("unitCategory", row.path("unitCategory").asText()).addValue("score", row.path("score").asInt())
              .addValue("grade", row.path("grade").asText()).addValue("rank", row.path("categoryRank").asInt())
              .addValue("size", row.path("categorySize").asInt())
              .addValue("complaints", row.path("verifiedComplaints").asInt())
              .addValue("escalations", row.path("escalations").asInt())
              .addValue("cases", row.path("supervisionCases").asInt())
              .addValue("late", row.path("lateTasks").asInt())
              .addValue("disqualified", row.path("disqualified").asBoolean())
              .addValue("commended", row.path("commended").asBoolean())
              .addValue("accountable", row.path("accountable").asBoolean())
              .addValue("instance", execution.getProcessInstanceId()).addValue("confirmedBy", confirmedBy)
              .addValue("publishedAt", now).addValue("conduct", row.path("conductScore").asInt())
              .addValue("performance", row.path("performanceScore").asInt()));
      body.append(row.path("unitCategory").asText()).append("第").append(row.path("categoryRank").asInt()).append("名：")
          .append(row.path("departmentName").asText()).append("，").append(row.path("score").asInt()).append("分（作风")
          .append(row.path("conductScore").asInt()).append("分，实绩").append(row.path("performanceScore").asInt())
          .append("分），")
          .append(row.path("gradeLabel").asText()).append(row.path("disqualified").asBoolean() ? "（已取消评优资格）" : "")
          .append("。\n");
    }
    body.append("通报表扬：").append(execution.getVariable("commendedUnits")).append("。\n");
    body.append("问责（被查实投诉举报最多的单位）：").append(execution.getVariable("accountableUnits"));
    Object decision = execution.getVariable("accountabilityDecision");
    if (decision != null && !decision.toString().isBlank()) {
      body.append("。处理决定：").append(decision);
    }
    IssuedNotice notice = notices.issue(new NoticeDraft("KH-" + year, NoticeKind.ANNUAL_ASSESSMENT,
        organization.body(Groups.OFFICE).map(Organization.Body::name).orElse("领导小组办公室"), "各参加单位",
        "关于" + year + "年度作风建设考核评比结果的通报", body.toString(), now.toLocalDate(), null,
        execution.getProcessInstanceId(), confirmedBy));
    notices.circulate(notice.id());
    execution.setVariable("noticeNumber", notice.number());
    execution.setVariable("noticeUrl", notice.url());
    notifications.send(new Notification("annual-assessment:" + year, null, null, "年度考核评比结果：" + notice.title(),
        notice.title() + "（" + notice.number() + "）已印发，请查阅。", notice.url()),
        audience.units(organization.departments().stream().map(Organization.Department::id).toList()));
  }

  /** One unit's published result. */
  record Result(int year, String department, String departmentName, String unitCategory, int conductScore,
      int performanceScore, int score, String grade,
      int categoryRank, int categorySize, int verifiedComplaints, int escalations, int supervisionCases, int lateTasks,
      boolean disqualified, boolean commended, boolean accountable) {
  }

  /** The published results of a year, in category and rank order. */
  List<Result> published(int year) {
    return jdbc.query("SELECT * FROM campaign_annual_assessment WHERE assessment_year = :year"
        + " ORDER BY unit_category, category_rank, department", Map.of("year", year),
        (rs, i) -> new Result(
            rs.getInt("assessment_year"), rs.getString("department"), rs.getString("department_name"),
            rs.getString("unit_category"), rs.getInt("conduct_score"), rs.getInt("performance_score"),
            rs.getInt("score"),
            rs.getString("grade"), rs.getInt("category_rank"),
            rs.getInt("category_size"), rs.getInt("verified_complaints"), rs.getInt("escalations"),
            rs.getInt("supervision_cases"), rs.getInt("late_tasks"), rs.getBoolean("disqualified"),
            rs.getBoolean("commended"), rs.getBoolean("accountable")));
  }

  private static int yearOf(HistoricProcessInstance campaign) {
    return LocalDate.ofInstant(campaign.getStartTime().toInstant(), ZoneId.of("Asia/Shanghai")).getYear();
  }
}
