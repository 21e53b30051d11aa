package cn.gov.county.campaign.supervision;

import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of SupervisionCaseProcess: lay out the case for the deciding body, then issue
 * the measure it chose: a numbered notice in the official layout, the row in the department's
 * record, the notifications (a 通报批评 to every unit, and readable by every unit), and what the
 * measure asks next (written feedback, the managing body's decision).
 */
@Configuration(proxyBeanMethods = false)
class SupervisionCases {

  static final Map<String, String> SOURCES = Map.of("spotCheck", "明查暗访", "complaint", "投诉举报",
      "survey", "满意度测评结果", "unrectifiedProblem", "问题整改不力", "escalation", "督办升级", "meeting", "例会决定");
  static final Map<String, String> SERIOUSNESS = Map.of("general", "一般", "serious", "较重", "grave", "严重");

  private final Organization organization;
  private final SupervisionAuthority authority;
  private final SupervisionMeasures measures;
  private final Notices notices;
  private final Notifications notifications;
  private final Deadlines deadlines;
  private final Audience audience;

  SupervisionCases(Organization organization, SupervisionAuthority authority, SupervisionMeasures measures,
      Notices notices, Notifications notifications, Deadlines deadlines, Audience audience) {
    this.organization = organization;
    this.authority = authority;
    this.measures = measures;
    this.notices = notices;
    this.notifications = notifications;
    this.deadlines = deadlines;
    this.audience = audience;
  }

  @Bean
  JavaDelegate prepareSupervisionDecisionDelegate() {
    return this::prepare;
  }

  @Bean
  JavaDelegate issueSupervisionMeasureDelegate() {
    return this::issue;
  }

  void prepare(DelegateExecution execution) {
    Organization.Department department = department(execution);
    String proposed = text(execution, SupervisionModel.PROPOSED_MEASURE);
    execution.setVariable("departmentName", department.name());
    execution.setVariable("proposedMeasureLabel",
        SupervisionMeasure.of(proposed).map(SupervisionMeasure::label).orElse(proposed));
    execution.setVariable("caseSummary", summary(execution, department));
  }

  void issue(DelegateExecution execution) {
    Organization.Department department = department(execution);
    SupervisionMeasure measure = SupervisionMeasure.of(text(execution, SupervisionModel.MEASURE)).orElseThrow();
    String decidedBy = lastAssignee(execution);
    List<String> groups = execution.getProcessEngineServices().getIdentityService().createGroupQuery()
        .groupMember(decidedBy).list().stream().map(Group::getId).toList();
    SupervisionAuthority.Decision decision = authority.decide(measure, groups, department.id());
    if (decision.body() == null) {
      // the form's rule refused this on submission; a decision that reaches here without it is an error
      throw new IllegalStateException(decision.refusal());
    }
    String code = text(execution, SupervisionModel.CAMPAIGN_CODE);
    LocalDate today = EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
    String who = department.name() + cadre(execution);
    boolean circulated = measure == SupervisionMeasure.NAMED_CRITICISM;
    IssuedNotice notice = notices.issue(new NoticeDraft(code, measure.noticeKind(), authority.bodyName(decision.body()),
        circulated ? "各参加单位" : department.name(), title(measure, who), body(execution, measure, who, decision.body()),
        today, department.id(), execution.getProcessInstanceId(), decidedBy));
    if (circulated) {
      notices.circulate(notice.id());
    }
    measures.record(new SupervisionMeasures.Measure(execution.getProcessInstanceId(), code, department.id(),
        blankToNull(text(execution, SupervisionModel.CADRE_NAME)), text(execution, SupervisionModel.FINDING_SOURCE),
        text(execution, SupervisionModel.FINDING), text(execution, SupervisionModel.PROPOSED_MEASURE), measure.value(),
        measure.label(), decision.body(), authority.bodyName(decision.body()), decidedBy,
        text(execution, SupervisionModel.REASON), notice.number(), notice.id(),
        LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA),
        measure == SupervisionMeasure.AWARD_DISQUALIFICATION
            && execution.getVariable("assessmentYear") instanceof Number year
                ? year.intValue()
                : null));
    execution.setVariable(SupervisionModel.DECIDING_BODY, decision.body());
    execution.setVariable("decidingBodyName", authority.bodyName(decision.body()));
    execution.setVariable("measureLabel", measure.label());
    execution.setVariable("noticeNumber", notice.number());
    execution.setVariable("noticeUrl", notice.url());
    execution.setVariable("followUp", measure.wantsFeedback()
        ? "feedback"
        : measure == SupervisionMeasure.ORGANIZATIONAL_HANDLING ? "handling" : "none");
    if (measure == SupervisionMeasure.RECTIFICATION_NOTICE) {
      Object days = execution.getVariable("rectificationDays");
      execution.setVariable("feedbackDue", deadlines.workingDaysAfter(today,
          days instanceof Number n ? n.intValue() : 10));
      execution.setVariable("feedbackTaskName", "限期整改并书面反馈");
    } else if (measure == SupervisionMeasure.SELF_CRITICISM_ORDER) {
      execution.setVariable("feedbackDue", deadlines.fromNow("self-criticism"));
      execution.setVariable("feedbackTaskName", "作出书面检查");
    }
    notifications.send(new Notification("supervision-measure:" + execution.getProcessInstanceId(), code,
        circulated ? null : department.id(), measure.label() + "：" + notice.title(),
        notice.title() + "（" + notice.number() + "）已由" + authority.bodyName(decision.body()) + "印发，请查阅。",
        notice.url()),
        circulated ? everyUnit() : concerned(department));
  }

  private String summary(DelegateExecution execution, Organization.Department department) {
    StringBuilder text = new StringBuilder();
    text.append("被督查单位：").append(department.name()).append(cadre(execution)).append('\n');
    String source = text(execution, SupervisionModel.FINDING_SOURCE);
    text.append("问题来源：").append(SOURCES.getOrDefault(source, source));
    if ("spotCheck".equals(source)) {
      text.append("（").append("unannounced".equals(text(execution, "checkMode")) ? "暗访" : "明查").append("，")
          .append(text(execution, "checkedOn")).append("，检查人员：").append(text(execution, "checkedBy")).append("）");
    }
    text.append('\n').append("发现的问题：").append(text(execution, SupervisionModel.FINDING)).append('\n');
    String evidence = text(execution, "evidence");
    if (!evidence.isBlank()) {
      text.append("证据材料：").append(evidence).append('\n');
    }
    text.append("情节：").append(SERIOUSNESS.getOrDefault(text(execution, "seriousness"), "一般"))
        .append(Boolean.TRUE.equals(execution.getVariable("repeated")) ? "，屡查屡犯" : "");
    return text.toString();
  }

  private static String title(SupervisionMeasure measure, String who) {
    return switch (measure) {
      case CRITICISM_EDUCATION -> "关于对" + who + "进行批评教育的通知";
      case RECTIFICATION_NOTICE -> "关于" + who + "限期整改的通知";
      case SUPERVISION_NOTICE -> "关于督促" + who + "整改问题的督办通知单";
      case NAMED_CRITICISM -> "关于对" + who + "予以通报批评的通报";
      case ADMONISHMENT_TALK -> "关于对" + who + "进行诫勉谈话的决定";
      case SELF_CRITICISM_ORDER -> "关于责令" + who + "作出书面检查的通知";
      case ORGANIZATIONAL_HANDLING -> "关于对" + who + "进行组织处理的建议";
      case AWARD_DISQUALIFICATION -> "关于取消" + who + "年度评优评奖资格的决定";
      case MEDIA_EXPOSURE -> "关于" + who + "作风问题媒体曝光的记录";
    };
  }

  private String body(DelegateExecution execution, SupervisionMeasure measure, String who, String body) {
    String source = text(execution, SupervisionModel.FINDING_SOURCE);
    StringBuilder text = new StringBuilder("经" + SOURCES.getOrDefault(source, "督查") + "，" + who + "存在以下问题："
        + text(execution, SupervisionModel.FINDING) + "\n");
    text.append(switch (measure) {
      case CRITICISM_EDUCATION -> "经研究，决定对" + who + "进行批评教育，责成其认真反思，立即改正。";
      case RECTIFICATION_NOTICE -> "请于" + execution.getVariable("rectificationDays") + "个工作日内整改到位，并将整改情况书面反馈"
          + authority.bodyName(body) + "。";
      case SUPERVISION_NOTICE -> "现予督办，请立即整改，并将整改情况书面报告" + authority.bodyName(body) + "。";
      case NAMED_CRITICISM -> "经研究，决定对" + who + "予以通报批评。各单位要引以为戒，举一反三，切实转变作风。";
      case ADMONISHMENT_TALK -> "经研究，决定对" + who + "进行诫勉谈话，谈话情况记入本人廉政档案。";
      case SELF_CRITICISM_ORDER -> "责令" + who + "向县委、县政府作出书面检查，深刻剖析原因，提出整改措施。";
      case ORGANIZATIONAL_HANDLING -> "建议对" + who + "进行组织处理，请干部管理机关依照干部管理权限研究决定。";
      case AWARD_DISQUALIFICATION -> "经研究，决定取消" + who + execution.getVariable("assessmentYear") + "年度评优评奖资格。";
      case MEDIA_EXPOSURE -> "该问题已于" + text(execution, "mediaDate") + "在" + text(execution, "mediaName") + "曝光。";
    }).append('\n');
    text.append("理由：").append(text(execution, SupervisionModel.REASON));
    return text.toString();
  }

  /** Every unit's liaison and head and the office: a circulated notice reaches all of them. */
  private List<Recipient> everyUnit() {
    List<Recipient> recipients = new ArrayList<>(audience.units(organization.departments().stream()
        .map(Organization.Department::id).toList()));
    audience.office().stream().filter(r -> !recipients.contains(r)).forEach(recipients::add);
    return recipients;
  }

  private List<Recipient> concerned(Organization.Department department) {
    List<Recipient> recipients = new ArrayList<>(audience.unit(department));
    audience.office().stream().filter(r -> !recipients.contains(r)).forEach(recipients::add);
    return recipients;
  }

  private static String cadre(DelegateExecution execution) {
    String name = text(execution, SupervisionModel.CADRE_NAME);
    return name.isBlank() ? "" : text(execution, SupervisionModel.CADRE_POST) + name;
  }

  private String lastAssignee(DelegateExecution execution) {
    List<HistoricTaskInstance> last = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(SupervisionModel.DECIDE_MEASURE).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    if (last.isEmpty() || last.get(0).getAssignee() == null) {
      throw new IllegalStateException("处理措施没有决定人");
    }
    return last.get(0).getAssignee();
  }

  private Organization.Department department(DelegateExecution execution) {
    String id = text(execution, SupervisionModel.DEPARTMENT);
    return organization.department(id).orElseThrow(() -> new IllegalStateException("未知的单位: " + id));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString().strip();
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text;
  }
}
