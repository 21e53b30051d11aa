package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import java.time.LocalDate;
import cn.gov.county.campaign.campaign.CampaignDriver;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task's deadline checks are engine timers, as an operator sees them in Cockpit's job list: one
 * at the follow-up date, one at the due date, moved with the due date, fired once, gone with the
 * task. (That they fire once on two nodes is {@code TwoNodesTest}'s.)
 */
@CampaignIntegrationTest
class DeadlineTimersTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  Notifications notifications;

  @Autowired
  EscalationLedger ledger;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTaskHasATimerAtItsFollowUpAndOneAtItsDueDate_movedWithTheDueDate_firedOnce_goneWithTheTask() {
    ManagementService management = engine.getManagementService();
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2024, 6, 3), 10, 0));
    String instance = engine.getRuntimeService().startProcessInstanceByKey(RequestModel.PROCESS, Map.of(
        "department", "dept-market", "subject", "报送窗口服务情况", "requestContent", "请报送本单位窗口服务情况。",
        "dueDate", "2024-06-14")).getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

    Job dueSoon = management.createJobQuery().jobId("due-soon:" + task.getId()).singleResult();
    Job overdue = management.createJobQuery().jobId("overdue:" + task.getId()).singleResult();
    assertThat(dueSoon.getDuedate()).isEqualTo(task.getFollowUpDate());
    assertThat(overdue.getDuedate()).isEqualTo(task.getDueDate());
    assertThat(overdue.getProcessInstanceId()).isEqualTo(instance);

    // the administrator gives the department three more days: the timer moves with the due date
    Date later = AugustCampaign.endOf(LocalDate.of(2024, 6, 19));
    engine.getTaskService().setDueDate(task.getId(), later);
    assertThat(management.createJobQuery().jobId("overdue:" + task.getId()).singleResult().getDuedate())
        .isEqualTo(later);

    // the follow-up date comes: the liaison is told once, the overdue check waits for its day
    ClockUtil.setCurrentTime(new Date(task.getFollowUpDate().getTime() + 60_000));
    watch.scan();
    watch.scan();
    assertThat(notifications.ofEvent("due-soon:" + task.getId())).extracting(NotificationRecord::recipientId)
        .containsExactly("market-liaison");
    assertThat(management.createJobQuery().jobId("due-soon:" + task.getId()).count()).isZero();
    assertThat(notifications.ofEvent("overdue:" + task.getId())).isEmpty();

    // the first due date passes: nothing, the check is on the new one
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2024, 6, 17), 9, 0));
    watch.scan();
    assertThat(notifications.ofEvent("overdue:" + task.getId())).isEmpty();

    // the department reports in time: its timers go with the task
    engine.getTaskService().complete(task.getId(), Map.of("report", "已按要求整改窗口服务。"));
    assertThat(management.createJobQuery().processInstanceId(instance).list()).extracting(Job::getId)
        .doesNotContain("due-soon:" + task.getId(), "overdue:" + task.getId());
  }

  @Test
  void aWorkingBodysTaskIsWatchedToo_itsMembersToldWhenDueSoon_theyAndTheOfficeWhenOverdue() {
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-education"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    watch.scan();
    driver.runJobs();
    Task reminder = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(EscalationModel.ISSUE_REMINDER).singleResult();

    // nobody in the supervision office signs the reminder: its follow-up date comes ...
    ClockUtil.setCurrentTime(new Date(reminder.getFollowUpDate().getTime() + 60_000));
    watch.scan();
    assertThat(notifications.ofEvent("due-soon:" + reminder.getId())).extracting(NotificationRecord::recipientId)
        .containsExactly("supervisor");

    // ... and its due date passes: the supervisor and the office are told, once
    ClockUtil.setCurrentTime(new Date(reminder.getDueDate().getTime() + 60_000));
    watch.scan();
    watch.scan();
    assertThat(notifications.ofEvent("overdue:" + reminder.getId()))
        .extracting(NotificationRecord::recipientId).containsExactlyInAnyOrder("supervisor", "office");
    assertThat(notifications.ofEvent("overdue:" + reminder.getId())).first()
        .satisfies(n -> assertThat(n.subject()).startsWith("【已逾期】县委督查室：签发催办通知"));
    // the task stays open for the supervision office; a working body gets no ladder
    assertThat(engine.getTaskService().createTaskQuery().taskId(reminder.getId()).count()).isOne();
    assertThat(ledger.exists(reminder.getId())).isFalse();
  }
}
