package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline of a task outside a campaign (情况报送) in a year with no holiday schedule loaded:
 * the task warns the office, the yellow window counts weekdays, and being overdue is told to the
 * liaison without starting a ladder (the ladder counts steps within a campaign).
 */
@CampaignIntegrationTest
class TaskDeadlinesTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  Notifications notifications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDeadlineInAYearWithoutScheduleCountsWeekdaysAndSaysSoInTheTask() {
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2025, 2, 24), 10, 0));
    String instance = engine.getRuntimeService().startProcessInstanceByKey(RequestModel.PROCESS, Map.of(
        "department", "dept-finance", "subject", "报送作风建设活动进展", "requestContent", "请报送本单位活动开展情况。",
        "dueDate", "2025-03-05")).getId();

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getDueDate()).isEqualTo(AugustCampaign.endOf(LocalDate.of(2025, 3, 5)));
    // two weekdays before Wednesday 5 March: Monday 3 March
    assertThat(task.getFollowUpDate()).isEqualTo(AugustCampaign.at(LocalDate.of(2025, 3, 3), 0, 0));
    assertThat(task.getDescription()).contains("2025年的法定节假日安排尚未导入");
    assertThat(notifications.ofEvent("task-created:" + task.getId())).extracting(NotificationRecord::recipientId)
        .containsExactly("finance-liaison");

    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2025, 3, 6), 9, 30));
    // (a clock before every other test's deadlines: this scan sees only this task)
    assertThat(watch.scan()).isZero();
    assertThat(notifications.ofEvent("overdue:" + task.getId())).extracting(NotificationRecord::statusLabel)
        .containsExactly("未发送：未配置邮件服务器");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EscalationModel.PROCESS)
        .variableValueEquals(EscalationModel.OVERDUE_TASK_ID, task.getId())
        .count()).isZero();
  }
}
