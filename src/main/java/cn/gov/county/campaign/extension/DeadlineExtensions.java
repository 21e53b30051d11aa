package cn.gov.county.campaign.extension;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.Audience;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.SubmissionRefusedException;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of DeadlineExtensionProcess (延期申请): register the department's request
 * (the problem's facts for the office, the pending row that keeps it the only one), then carry out
 * the office's decision: an approved extension moves the problem's deadline and its open tasks'
 * due dates, so reminders and the escalation ladder follow the new date, while the first deadline
 * stays as 原定时限; either way the department is told.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineExtensions {

  private final ProblemRegister register;
  private final RuntimeService runtime;
  private final ExtensionLedger ledger;
  private final Notifications notifications;
  private final Audience audience;

  DeadlineExtensions(ProblemRegister register, RuntimeService runtime, ExtensionLedger ledger,
      Notifications notifications, Audience audience) {
    this.register = register;
    this.runtime = runtime;
    this.ledger = ledger;
    this.notifications = notifications;
    this.audience = audience;
  }

  @Bean
  JavaDelegate registerDeadlineExtensionDelegate() {
    return execution -> EngineInternals.withoutAuthorizationInCommand(() -> {
      registerRequest(execution);
      return null;
    });
  }

  @Bean
  JavaDelegate grantDeadlineExtensionDelegate() {
    return execution -> EngineInternals.withoutAuthorizationInCommand(() -> {
      grant(execution);
      return null;
    });
  }

  @Bean
  JavaDelegate refuseDeadlineExtensionDelegate() {
    return execution -> EngineInternals.withoutAuthorizationInCommand(() -> {
      refuse(execution);
      return null;
    });
  }

  /** The problem's facts on the request (the office's form shows them); the request's row. */
  void registerRequest(DelegateExecution execution) {
    String problemCode = text(execution, ExtensionModel.PROBLEM_CODE);
    ProcessInstance item = register.openItem(problemCode)
        .orElseThrow(() -> refused("「整改问题」不是本单位正在整改的问题，只能为本单位未销号的问题申请延期"));
    String campaignCode = item.getBusinessKey();
    String department = (String) runtime.getVariable(item.getId(), CampaignModel.DEPARTMENT);
    String current = (String) runtime.getVariable(item.getId(), ProblemRegister.RECTIFICATION_DEADLINE);
    Object original = runtime.getVariable(item.getId(), ProblemRegister.ORIGINAL_DEADLINE);
    execution.setProcessBusinessKey(campaignCode);
    execution.setVariable(CampaignModel.CAMPAIGN_CODE, campaignCode);
    execution.setVariable("campaignName", register.campaignVariable(campaignCode, "campaignName").orElse(campaignCode));
    execution.setVariable(CampaignModel.DEPARTMENT, department);
    execution.setVariable("departmentName", audience.department(department).map(Organization.Department::name)
        .orElse(department));
    execution.setVariable("problemDescription", runtime.getVariable(item.getId(), "description"));
    execution.setVariable("problemMeasure", runtime.getVariable(item.getId(), "measure"));
    execution.setVariable(ExtensionModel.CURRENT_DEADLINE, current);
    execution.setVariable(ExtensionModel.ORIGINAL_DEADLINE, original != null ? original : current);
    if (!ledger.request(execution.getProcessInstanceId(), campaignCode, problemCode, department,
        (String) execution.getVariable("requestedBy"), EngineInternals.currentTime(), current,
        text(execution, ExtensionModel.REQUESTED_DEADLINE), text(execution, ExtensionModel.REASON))) {
      // another request got in between the form's check and this one: the table's unique key refuses it
      throw refused("「整改问题」已有一份延期申请正在审批，办公室审批后才能再次申请");
    }
  }

  /** Approved: the problem's deadline moves to the date granted (as asked, unless the office set an earlier one). */
  void grant(DelegateExecution execution) {
    String granted = text(execution, ExtensionModel.GRANTED_DEADLINE);
    if (granted.isBlank()) {
      granted = text(execution, ExtensionModel.REQUESTED_DEADLINE);
    }
    granted = granted.length() > 10 ? granted.substring(0, 10) : granted;
    String today = today();
    String campaignCode = text(execution, CampaignModel.CAMPAIGN_CODE);
    String problemCode = text(execution, ExtensionModel.PROBLEM_CODE);
    boolean applied = register.extendDeadline(campaignCode, problemCode, granted, today);
    execution.setVariable(ExtensionModel.GRANTED_DEADLINE, granted);
    execution.setVariable("extensionDecidedOn", today);
    execution.setVariable("extensionApplied", applied);
    ledger.decide(execution.getProcessInstanceId(), ExtensionModel.APPROVED, granted,
        text(execution, ExtensionModel.OPINION), (String) execution.getVariable("extensionDecidedBy"),
        EngineInternals.currentTime());
    tell(execution, "延期申请已同意：" + problemCode,
        "领导小组办公室已同意问题" + problemCode + "的延期申请，整改时限由" + text(execution, ExtensionModel.CURRENT_DEADLINE)
            + "延至" + granted + "（" + today + "批准）。原定时限" + text(execution, ExtensionModel.ORIGINAL_DEADLINE)
            + "仍记入档案。" + (applied ? "" : "该问题已销号，时限不再调整。") + opinion(execution));
  }

  /** Refused: the deadline stays; the department is told why. */
  void refuse(DelegateExecution execution) {
    String problemCode = text(execution, ExtensionModel.PROBLEM_CODE);
    execution.setVariable("extensionDecidedOn", today());
    ledger.decide(execution.getProcessInstanceId(), ExtensionModel.REFUSED, null,
        text(execution, ExtensionModel.OPINION), (String) execution.getVariable("extensionDecidedBy"),
        EngineInternals.currentTime());
    tell(execution, "延期申请未获同意：" + problemCode,
        "领导小组办公室不同意问题" + problemCode + "的延期申请，整改时限仍为" + text(execution, ExtensionModel.CURRENT_DEADLINE)
            + "，请按期完成整改。" + opinion(execution));
  }

  private void tell(DelegateExecution execution, String subject, String body) {
    String department = text(execution, CampaignModel.DEPARTMENT);
    audience.department(department).ifPresent(d -> notifications.send(new Notification(
        "deadline-extension:" + execution.getProcessInstanceId(), text(execution, CampaignModel.CAMPAIGN_CODE),
        department, subject, body, null), List.of(audience.liaison(d), audience.head(d))));
  }

  private static String opinion(DelegateExecution execution) {
    String opinion = text(execution, ExtensionModel.OPINION);
    return opinion.isBlank() ? "" : "审批意见：" + opinion;
  }

  private static SubmissionRefusedException refused(String message) {
    return new SubmissionRefusedException(ExtensionModel.START_FORM,
        List.of(new FieldViolation(ExtensionModel.PROBLEM_CODE, ExtensionRules.PROBLEM_LABEL, message)));
  }

  private static String today() {
    return LocalDate.ofInstant(EngineInternals.now(), CampaignDates.CHINA).toString();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }
}
