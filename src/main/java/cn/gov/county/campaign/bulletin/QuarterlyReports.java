package cn.gov.county.campaign.bulletin;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.record.DepartmentRecords;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The quarterly report to the county committee (seed 004: 每季度县委听取一次汇报): at the start of a
 * quarter every running campaign's previous quarter is drafted from the same unit figures as the
 * monthly bulletin, the office approves and edits it, and it is numbered and addressed to the county
 * committee (not circulated to the units); the leading group and the office are told. One per
 * campaign and quarter, as the bulletin.
 */
@Configuration(proxyBeanMethods = false)
class QuarterlyReports {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final DepartmentRecords records;
  private final CampaignFigures figures;
  private final Organization organization;
  private final Notices notices;
  private final Notifications notifications;
  private final Audience audience;
  private final NamedParameterJdbcTemplate jdbc;
  private final String schedule;

  QuarterlyReports(RuntimeService runtime, HistoryService history, DepartmentRecords records, CampaignFigures figures,
      Organization organization, Notices notices, Notifications notifications, Audience audience,
      NamedParameterJdbcTemplate jdbc,
      @Value("${campaign.quarterly-report.schedule:0 0 9 5 1,4,7,10 ?}") String schedule) {
    this.runtime = runtime;
    this.history = history;
    this.records = records;
    this.figures = figures;
    this.organization = organization;
    this.notices = notices;
    this.notifications = notifications;
    this.audience = audience;
    this.jdbc = jdbc;
    this.schedule = schedule;
  }

  /** Read by the model's timer: {@code ${quarterlyReportSchedule.cron}}. */
  @Bean
  MonthlyBulletins.Schedule quarterlyReportSchedule() {
    return new MonthlyBulletins.Schedule(schedule);
  }

  @Bean
  JavaDelegate requestQuarterlyReportsDelegate() {
    return this::request;
  }

  @Bean
  JavaDelegate draftQuarterlyReportDelegate() {
    return this::draft;
  }

  @Bean
  JavaDelegate issueQuarterlyReportDelegate() {
    return this::issue;
  }

  /** The quarter before the engine's today, China time: {@code 2026-Q3}. */
  static String reportedQuarter() {
    LocalDate day = today().withDayOfMonth(1).minusMonths(3);
    return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  void request(DelegateExecution execution) {
    String quarter = reportedQuarter();
    for (ProcessInstance campaign : runtime.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).active().list()) {
      String code = campaign.getBusinessKey();
      if (code == null || code.isBlank() || history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(BulletinModel.QUARTERLY_PROCESS).processInstanceBusinessKey(code)
          .variableValueEquals(BulletinModel.QUARTER, quarter).count() > 0) {
        continue;
      }
      runtime.createMessageCorrelation(BulletinModel.QUARTERLY_REQUESTED_MESSAGE).processInstanceBusinessKey(code)
          .setVariable(BulletinModel.CAMPAIGN_CODE, code).setVariable(BulletinModel.QUARTER, quarter)
          .correlateStartMessage();
    }
  }

  void draft(DelegateExecution execution) {
    String code = (String) execution.getVariable(BulletinModel.CAMPAIGN_CODE);
    String quarter = (String) execution.getVariable(BulletinModel.QUARTER);
    execution.setVariable("reportAlreadyIssued",
        !jdbc.queryForList("SELECT notice_number FROM campaign_quarterly_report"
            + " WHERE campaign_code = :code AND report_quarter = :quarter", Map.of("code", code, "quarter", quarter),
            String.class).isEmpty());
    ProcessInstance campaign = figures.campaign(code);
    String name = campaign == null ? code : String.valueOf(runtime.getVariable(campaign.getId(), "campaignName"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String department : figures.participating(campaign)) {
      records.of(code, department).ifPresent(record -> rows.add(CampaignFigures.row(record)));
    }
    String label = quarter.substring(0, 4) + "年第" + quarter.substring(6) + "季度";
    execution.setVariable("campaignName", name);
    execution.setVariable("reportQuarterLabel", label);
    execution.setVariable(BulletinModel.ROWS, JsonVariables.of(rows));
    execution.setVariable("reportTitle", "关于" + name + label + "进展情况的报告");
    execution.setVariable("reportOpening", "县委：现将" + name + label + "进展情况报告如下（截至" + today() + "，"
        + rows.size() + "个参加单位）。");
    execution.setVariable("reportClosing", "下一季度，领导小组办公室将继续半月督查、每月通报，对整改不力的单位严肃问责。特此报告。");
  }

  void issue(DelegateExecution execution) {
    String code = (String) execution.getVariable(BulletinModel.CAMPAIGN_CODE);
    String quarter = (String) execution.getVariable(BulletinModel.QUARTER);
    String approvedBy = history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(BulletinModel.APPROVE_QUARTERLY).finished().list().stream()
        .map(t -> t.getAssignee()).filter(a -> a != null).findFirst().orElse(null);
    StringBuilder body = new StringBuilder(String.valueOf(execution.getVariable("reportOpening"))).append('\n');
    body.append(CampaignFigures.lines(JsonVariables.read(execution, BulletinModel.ROWS)));
    body.append(execution.getVariable("reportClosing"));
    IssuedNotice notice = notices.issue(new NoticeDraft(code, NoticeKind.QUARTERLY_REPORT,
        organization.body(Groups.OFFICE).map(Organization.Body::name).orElse("领导小组办公室"),
        "中共" + organization.county() + "委员会", String.valueOf(execution.getVariable("reportTitle")), body.toString(),
        today(), null, execution.getProcessInstanceId(), approvedBy));
    jdbc.update(
        """
            INSERT INTO campaign_quarterly_report (campaign_code, report_quarter, notice_id, notice_number, process_instance_id,
              approved_by, issued_at)
            VALUES (:code, :quarter, :noticeId, :number, :instance, :approvedBy, :issuedAt)
            """,
        new MapSqlParameterSource().addValue("code", code).addValue("quarter", quarter)
            .addValue("noticeId", notice.id()).addValue("number", notice.number())
            .addValue("instance", execution.getProcessInstanceId()).addValue("approvedBy", approvedBy)
            .addValue("issuedAt", LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA)));
    execution.setVariable("noticeNumber", notice.number());
    execution.setVariable("noticeUrl", notice.url());
    List<Recipient> told = new ArrayList<>(audience.members(Groups.LEADING_GROUP));
    audience.office().stream().filter(r -> !told.contains(r)).forEach(told::add);
    notifications.send(new Notification("quarterly-report:" + code + ":" + quarter, code, null,
        "季度情况报告：" + notice.title(), notice.title() + "（" + notice.number() + "）已报县委。", notice.url()), told);
  }

  private static LocalDate today() {
    return EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
  }
}
