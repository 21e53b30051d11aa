package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeDraft;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of SupervisoryEscalationProcess: assess how late the department is (the DMN
 * table's inputs), draft the step's document, issue it (number, store, record, notify) or record
 * that the issuing body stopped the ladder.
 */
@Configuration(proxyBeanMethods = false)
class EscalationSteps {

  private final Deadlines deadlines;
  private final EscalationLedger ledger;
  private final Notices notices;
  private final Notifications notifications;
  private final Audience audience;
  private final Messages messages;

  EscalationSteps(Deadlines deadlines, EscalationLedger ledger, Notices notices, Notifications notifications,
      Audience audience, Messages messages) {
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.notices = notices;
    this.notifications = notifications;
    this.audience = audience;
    this.messages = messages;
  }

  @Bean
  JavaDelegate assessOverdueDelegate() {
    return this::assess;
  }

  @Bean
  JavaDelegate draftEscalationNoticeDelegate() {
    return this::draft;
  }

  @Bean
  JavaDelegate issueEscalationNoticeDelegate() {
    return this::issue;
  }

  @Bean
  JavaDelegate recordEscalationStopDelegate() {
    return this::recordStop;
  }

  void assess(DelegateExecution execution) {
    Date now = EngineInternals.currentTime();
    String taskId = (String) execution.getVariable(EscalationModel.OVERDUE_TASK_ID);
    String mostSevere = ledger.mostSevere(code(execution), department(execution).id())
        .map(Enum::name).orElse(EscalationStep.NONE);
    execution.setVariable("workingDaysOverdue",
        deadlines.workingDaysOverdue((Date) execution.getVariable("dueDate"), now));
    execution.setVariable("stepsInThisEscalation", ledger.issuedStepsFor(taskId));
    execution.setVariable("mostSevereStep", mostSevere);
    execution.setVariable("mostSevereStepLabel",
        EscalationStep.NONE.equals(mostSevere) ? "无" : EscalationStep.valueOf(mostSevere).label());
    execution.setVariable("nextCheckAt", deadlines.nextCheck(now));
  }

  void draft(DelegateExecution execution) {
    EscalationStep step = step(execution);
    Organization.Department department = department(execution);
    String taskId = (String) execution.getVariable(EscalationModel.OVERDUE_TASK_ID);
    EscalationTexts.Draft draft = EscalationModel.SURVEY_CAUSE.equals(execution.getVariable(EscalationModel.CAUSE))
        ? EscalationTexts.surveyDraft(step, department, (String) execution.getVariable("surveyFacts"),
            deadlines.limit(EscalationModel.RECTIFICATION_MEASURES_PERIOD).label())
        : EscalationTexts.draft(step, new EscalationTexts.Case(
            (String) execution.getVariable("campaignName"), department,
            (String) execution.getVariable("overdueTaskName"),
            (String) execution.getVariable("dueDateText"), (Integer) execution.getVariable("workingDaysOverdue"),
            Messages.day(EngineInternals.currentTime()),
            Messages.day(deadlines.fromNow(EscalationModel.FEEDBACK_PERIOD))));
    List<EscalationLedger.Step> earlier = ledger.steps(code(execution), department.id()).stream()
        .filter(s -> s.taskId().equals(taskId)).toList();
    execution.setVariable("escalationStepLabel", step.label());
    execution.setVariable("stepsSoFar", earlier.isEmpty()
        ? "无"
        : earlier.stream()
            .map(s -> s.stepLabel() + ("stop".equals(s.decision()) ? "（已停止）" : "（" + s.noticeNumber() + "）"))
            .collect(Collectors.joining("；")));
    execution.setVariable("noticeAddressee", draft.addressee());
    execution.setVariable("noticeTitle", draft.title());
    execution.setVariable("noticeBody", draft.body());
    execution.setVariable(EscalationModel.DECISION, null);
    execution.setVariable(EscalationModel.REASON, null);
    execution.setVariable("selfCriticismRequired", false);
  }

  void issue(DelegateExecution execution) {
    EscalationStep step = step(execution);
    Organization.Department department = department(execution);
    String code = code(execution);
    String taskId = (String) execution.getVariable(EscalationModel.OVERDUE_TASK_ID);
    int overdue = (Integer) execution.getVariable("workingDaysOverdue");
    LocalDate today = EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
    String body = (String) execution.getVariable("noticeBody");
    if (execution.getVariable("talkDate") != null) {
      body = "谈话日期：" + execution.getVariable("talkDate") + "\n" + body;
    }
    String decidedBy = decidedBy(execution);
    IssuedNotice notice = notices.issue(new NoticeDraft(code, step.noticeKind(), audience.bodyName(step.issuingGroup()),
        (String) execution.getVariable("noticeAddressee"), (String) execution.getVariable("noticeTitle"), body, today,
        department.id(), execution.getProcessInstanceId(), decidedBy));
    ledger.recordStep(taskId, code, department.id(), step, overdue,
        (String) execution.getVariable(EscalationModel.DECISION),
        (String) execution.getVariable(EscalationModel.REASON), notice.number(), decidedBy,
        EngineInternals.currentTime());
    execution.setVariable("lastNoticeNumber", notice.number());
    execution.setVariable("lastNoticeTitle", notice.title());
    execution.setVariable("lastNoticeUrl", notice.url());
    if (step == EscalationStep.SUPERVISION_NOTICE) {
      execution.setVariable("feedbackDue", deadlines.fromNow(EscalationModel.FEEDBACK_PERIOD));
    }
    if (step == EscalationStep.ADMONISHMENT_TALK) {
      execution.setVariable("selfCriticismDue", deadlines.fromNow(EscalationModel.SELF_CRITICISM_PERIOD));
    }
    if (EscalationModel.SURVEY_CAUSE.equals(execution.getVariable(EscalationModel.CAUSE))) {
      notifications.send(messages.surveyStep("escalation:" + taskId + ":" + step.name() + ":" + notice.number(), code,
          (String) execution.getVariable("campaignName"), department.id(), department.name(),
          (String) execution.getVariable("overdueTaskName"), (String) execution.getVariable("surveyFacts"), step,
          notice.number(), notice.title(), notice.url()), audience.forStep(department, step));
      return;
    }
    notifications.send(messages.escalationStep("escalation:" + taskId + ":" + step.name() + ":" + notice.number(),
        code, (String) execution.getVariable("campaignName"), department.id(), department.name(),
        (String) execution.getVariable("overdueTaskName"), taskId, step, notice.number(), notice.title(), notice.url(),
        overdue),
        audience.forStep(department, step));
  }

  void recordStop(DelegateExecution execution) {
    EscalationStep step = step(execution);
    ledger.recordStep((String) execution.getVariable(EscalationModel.OVERDUE_TASK_ID), code(execution),
        department(execution).id(), step, (Integer) execution.getVariable("workingDaysOverdue"), EscalationModel.STOP,
        (String) execution.getVariable(EscalationModel.REASON), null, decidedBy(execution),
        EngineInternals.currentTime());
  }

  private String decidedBy(DelegateExecution execution) {
    List<HistoricTaskInstance> last = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId()).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    return last.isEmpty() ? null : last.get(0).getAssignee();
  }

  private static EscalationStep step(DelegateExecution execution) {
    return EscalationStep.valueOf((String) execution.getVariable(EscalationModel.STEP));
  }

  private static String code(DelegateExecution execution) {
    return (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
  }

  private Organization.Department department(DelegateExecution execution) {
    String id = (String) execution.getVariable("department");
    return audience.department(id).orElseThrow(() -> new IllegalStateException("未知的部门: " + id));
  }
}
