package cn.gov.county.campaign.bulletin;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.record.DepartmentRecord;
import cn.gov.county.campaign.record.DepartmentRecords;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
 * The monthly bulletin (月度通报, seed 004: 每月督查一次、每月通报一次): once a month the timer asks for
 * one bulletin per running campaign; each is drafted from the departments' records (on-time rate,
 * overdue work, escalations and supervision cases, problems closed and open, verified complaints),
 * approved (and edited) by the office, numbered, circulated to and readable by every participating
 * unit. One bulletin per campaign and month: the request skips a month already asked for, the
 * draft sees one already issued, and {@code campaign_bulletin} refuses a second.
 */
@Configuration(proxyBeanMethods = false)
class MonthlyBulletins {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final DepartmentRecords records;
  private final Organization organization;
  private final Notices notices;
  private final Notifications notifications;
  private final NamedParameterJdbcTemplate jdbc;
  private final Audience audience;
  private final CampaignFigures figures;
  private final String schedule;

  MonthlyBulletins(RuntimeService runtime, HistoryService history, DepartmentRecords records, Organization organization,
      Notices notices, Notifications notifications, NamedParameterJdbcTemplate jdbc, Audience audience,
      CampaignFigures figures, @Value("${campaign.bulletin.schedule:0 0 9 1 * ?}") String schedule) {
    this.runtime = runtime;
    this.history = history;
    this.records = records;
    this.organization = organization;
    this.notices = notices;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.audience = audience;
    this.figures = figures;
    this.schedule = schedule;
  }

  /** The timer's cron expression, {@code campaign.bulletin.schedule} (server time; default the 1st, 09:00). */
  @Bean
  Schedule monthlyBulletinSchedule() {
    return new Schedule(schedule);
  }

  /** Read by the model's timer: {@code ${monthlyBulletinSchedule.cron}}. */
  public record Schedule(String cron) {
    public String getCron() {
      return cron;
    }
  }

  @Bean
  JavaDelegate requestMonthlyBulletinsDelegate() {
    return this::request;
  }

  @Bean
  JavaDelegate draftMonthlyBulletinDelegate() {
    return this::draft;
  }

  @Bean
  JavaDelegate issueMonthlyBulletinDelegate() {
    return this::issue;
  }

  /** The month before the engine's today, China time. */
  static YearMonth reportedMonth() {
    return YearMonth.from(today()).minusMonths(1);
  }

  void request(DelegateExecution execution) {
    String month = reportedMonth().toString();
    for (ProcessInstance campaign : runtime.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).active().list()) {
      String code = campaign.getBusinessKey();
      if (code == null || code.isBlank() || history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(BulletinModel.PROCESS).processInstanceBusinessKey(code)
          .variableValueEquals(BulletinModel.MONTH, month).count() > 0) {
        continue;
      }
      runtime.createMessageCorrelation(BulletinModel.REQUESTED_MESSAGE).processInstanceBusinessKey(code)
          .setVariable(BulletinModel.CAMPAIGN_CODE, code).setVariable(BulletinModel.MONTH, month)
          .correlateStartMessage();
    }
  }

  void draft(DelegateExecution execution) {
    String code = (String) execution.getVariable(BulletinModel.CAMPAIGN_CODE);
    YearMonth month = YearMonth.parse((String) execution.getVariable(BulletinModel.MONTH));
    execution.setVariable("bulletinAlreadyIssued", issuedNotice(code, month.toString()) != null);
    ProcessInstance campaign = figures.campaign(code);
    String name = campaign == null ? code : String.valueOf(runtime.getVariable(campaign.getId(), "campaignName"));
    List<Map<String, Object>> rows = new ArrayList<>();
    int late = 0;
    for (String department : figures.participating(campaign)) {
      DepartmentRecord record = records.of(code, department).orElse(null);
      if (record == null) {
        continue;
      }
      Map<String, Object> row = CampaignFigures.row(record);
      late += (Integer) row.get("overdueOpen") > 0 ? 1 : 0;
      rows.add(row);
    }
    String monthLabel = month.getYear() + "年" + month.getMonthValue() + "月";
    execution.setVariable("campaignName", name);
    execution.setVariable("bulletinMonthLabel", monthLabel);
    execution.setVariable(BulletinModel.ROWS, JsonVariables.of(rows));
    execution.setVariable("bulletinTitle", "关于" + name + monthLabel + "工作情况的通报");
    execution.setVariable("bulletinOpening", "现将" + monthLabel + "各参加单位" + name + "工作情况通报如下（截至"
        + today() + "）。" + rows.size() + "个参加单位中，" + late + "个单位有逾期未办结的工作。");
    execution.setVariable("bulletinClosing", "请有逾期未办、问题整改未销号的单位对照通报，抓紧整改，按时完成各项任务；"
        + "领导小组办公室将继续每月督查、每月通报。");
  }

  void issue(DelegateExecution execution) {
    String code = (String) execution.getVariable(BulletinModel.CAMPAIGN_CODE);
    String month = (String) execution.getVariable(BulletinModel.MONTH);
    String approvedBy = history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(BulletinModel.APPROVE).finished().list().stream()
        .map(t -> t.getAssignee()).filter(a -> a != null).findFirst().orElse(null);
    StringBuilder body = new StringBuilder(String.valueOf(execution.getVariable("bulletinOpening"))).append('\n');
    body.append(CampaignFigures.lines(JsonVariables.read(execution, BulletinModel.ROWS)));
    body.append(execution.getVariable("bulletinClosing"));
    IssuedNotice notice = notices.issue(new NoticeDraft(code, NoticeKind.MONTHLY_BULLETIN,
        organization.body(Groups.OFFICE).map(Organization.Body::name).orElse("领导小组办公室"), "各参加单位",
        String.valueOf(execution.getVariable("bulletinTitle")), body.toString(), today(), null,
        execution.getProcessInstanceId(), approvedBy));
    notices.circulate(notice.id());
    jdbc.update("""
        INSERT INTO campaign_bulletin (campaign_code, bulletin_month, notice_id, notice_number, process_instance_id,
          approved_by, issued_at)
        VALUES (:code, :month, :noticeId, :number, :instance, :approvedBy, :issuedAt)
        """, new MapSqlParameterSource().addValue("code", code).addValue("month", month)
        .addValue("noticeId", notice.id()).addValue("number", notice.number())
        .addValue("instance", execution.getProcessInstanceId()).addValue("approvedBy", approvedBy)
        .addValue("issuedAt", LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA)));
    execution.setVariable("noticeNumber", notice.number());
    execution.setVariable("noticeUrl", notice.url());
    notifications.send(new Notification("monthly-bulletin:" + code + ":" + month, code, null,
        "月度通报：" + notice.title(), notice.title() + "（" + notice.number() + "）已印发，请查阅。", notice.url()),
        audience.units(figures.participating(figures.campaign(code))));
  }

  /** The notice number of the campaign's bulletin of that month, or null. */
  String issuedNotice(String code, String month) {
    return jdbc.queryForList(
        "SELECT notice_number FROM campaign_bulletin WHERE campaign_code = :code AND bulletin_month = :month",
        Map.of("code", code, "month", month), String.class).stream().findFirst().orElse(null);
  }

  private static LocalDate today() {
    return EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
  }
}
