package cn.gov.county.campaign.meeting;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.problem.ProblemSource;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Regular meetings (例会; seed 000: 半月督查、每月例会): the office records a meeting's minutes and its
 * decisions; each decision that names a unit becomes an assigned problem of the campaign (source
 * 例会决定) with its measure task at once; the minutes are numbered (会议纪要) and circulated to the
 * participating units.
 */
@Configuration(proxyBeanMethods = false)
class RegularMeetings {

  static final String FORM = "RegularMeetingForm";
  static final String DECISIONS = "meetingDecisions";

  private final ProblemRegister register;
  private final Notices notices;
  private final Notifications notifications;
  private final Organization organization;
  private final Audience audience;

  RegularMeetings(ProblemRegister register, Notices notices, Notifications notifications,
      Organization organization, Audience audience) {
    this.register = register;
    this.notices = notices;
    this.notifications = notifications;
    this.organization = organization;
    this.audience = audience;
  }

  @Bean
  JavaDelegate recordMeetingDecisionsDelegate() {
    return this::record;
  }

  @Bean
  FormRule regularMeetingRule() {
    return FormRule.of(FORM, this::check);
  }

  List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String code = text(values.get(CampaignModel.CAMPAIGN_CODE));
    if (register.campaign(code).isEmpty()) {
      violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号", "「活动编号」" + code + " 不是正在进行的整改活动"));
      return violations;
    }
    try {
      if (LocalDate.parse(text(values.get("meetingDate")).substring(0, 10)).isAfter(today())) {
        violations.add(new FieldViolation("meetingDate", "会议日期", "「会议日期」不能晚于今天"));
      }
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      violations.add(new FieldViolation("meetingDate", "会议日期", "「会议日期」格式不正确"));
    }
    Set<String> participating = register.participatingDepartments(code);
    int row = 1;
    for (JsonNode decision : values.getOrDefault(DECISIONS,
        com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
      String department = text(decision.get("decisionDepartment"));
      if (!participating.contains(department)) {
        violations.add(new FieldViolation(DECISIONS, "会议决定事项", "「会议决定事项」第 " + row + " 行的责任单位未参加活动 " + code));
      }
      row++;
    }
    return violations;
  }

  void record(DelegateExecution execution) {
    String code = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    List<ProblemRegister.NewProblem> problems = new ArrayList<>();
    StringBuilder decisions = new StringBuilder();
    int n = 1;
    for (JsonNode decision : JsonVariables.read(execution, DECISIONS)) {
      String department = decision.path("decisionDepartment").asText();
      String text = decision.path("decisionText").asText();
      problems.add(new ProblemRegister.NewProblem(department, ProblemSource.meeting, text, "", null));
      decisions.append(n++).append("．").append(organization.department(department).map(Organization.Department::name)
          .orElse(department)).append("：").append(text).append('\n');
    }
    List<String> codes = register.register(code, problems);
    execution.setVariable("registeredProblems", String.join("、", codes));
    String body = "会议时间：" + execution.getVariable("meetingDate") + "\n出席：" + execution.getVariable("meetingAttendees")
        + "\n" + execution.getVariable("meetingMinutes") + "\n"
        + (decisions.length() == 0 ? "本次会议无交办事项。" : "会议决定交办以下事项（已登记为问题，限期整改）：\n" + decisions);
    IssuedNotice notice = notices.issue(new NoticeDraft(code, NoticeKind.MEETING_MINUTES,
        organization.body(Groups.OFFICE).map(Organization.Body::name).orElse("领导小组办公室"), "各参加单位",
        String.valueOf(execution.getVariable("meetingTitle")), body, today(), null, execution.getProcessInstanceId(),
        execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId()).singleResult().getStartUserId()));
    notices.circulate(notice.id());
    execution.setVariable("noticeNumber", notice.number());
    execution.setVariable("noticeUrl", notice.url());
    notifications.send(new Notification("meeting-minutes:" + execution.getProcessInstanceId(), code, null,
        "会议纪要：" + notice.title(), notice.title() + "（" + notice.number() + "）已印发，请查阅并落实交办事项。", notice.url()),
        audience.units(register.participatingDepartments(code)));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText("").strip();
  }

  private static LocalDate today() {
    return EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
  }
}
