package cn.gov.county.campaign.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The quarterly report on a moved clock: at the start of a quarter every running campaign's
 * previous quarter is drafted, approved by the office and reported to the county committee once;
 * the units do not read it, the leading group is told.
 */
@CampaignIntegrationTest
class QuarterlyReportProcessTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  @Autowired
  Notifications notifications;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  private Job quarterlyTimer() {
    return driver.management.createJobQuery().processDefinitionKey(BulletinModel.QUARTERLY_PROCESS).timers().list()
        .stream().filter(job -> job.getProcessInstanceId() == null) // the start timer, not a task's deadline timers
        .max((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
  }

  private void runReportJobs(String code) {
    for (int round = 0; round < 5; round++) {
      for (ProcessInstance report : driver.runtime.createProcessInstanceQuery()
          .processDefinitionKey(BulletinModel.QUARTERLY_PROCESS).processInstanceBusinessKey(code).list()) {
        driver.management.createJobQuery().processInstanceId(report.getId()).list()
            .forEach(job -> driver.management.executeJob(job.getId()));
      }
    }
  }

  @Test
  void theQuartersReportIsDraftedApprovedAndReportedToTheCountyCommitteeOnce() {
    String code = driver.launch("季度报告演练", List.of());
    Job timer = quarterlyTimer();
    try {
      // when: the quarter begins
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
      String quarter = QuarterlyReports.reportedQuarter();
      driver.management.executeJob(timer.getId());
      runReportJobs(code);

      // then: the office approves the draft, one line per unit
      Task approve = driver.tasks.createTaskQuery().processDefinitionKey(BulletinModel.QUARTERLY_PROCESS)
          .processInstanceBusinessKey(code).taskDefinitionKey(BulletinModel.APPROVE_QUARTERLY).singleResult();
      assertThat(approve).isNotNull();
      assertThat(driver.runtime.getVariable(approve.getProcessInstanceId(), BulletinModel.QUARTER)).isEqualTo(quarter);
      rest.post("office", "/engine-rest/task/" + approve.getId() + "/claim", "{\"userId\":\"office\"}");
      var approved = rest.post("office", "/engine-rest/task/" + approve.getId() + "/submit-form",
          RestCampaignWalkthrough.form(
              Map.of("reportTitle",
                  driver.runtime.getVariable(approve.getProcessInstanceId(), BulletinModel.REPORT_TITLE),
                  "reportOpening", driver.runtime.getVariable(approve.getProcessInstanceId(), "reportOpening"),
                  "reportClosing", "特此报告。")));
      assertThat(approved.status()).as(approved.body()).isEqualTo(204);
      runReportJobs(code);

      // then: numbered, addressed to the county committee, read by the office but not by a unit
      String url = (String) historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(approve.getProcessInstanceId()).variableName("noticeUrl").singleResult().getValue();
      var report = rest.get("office", url);
      assertThat(report.status()).isEqualTo(200);
      assertThat(report.body()).contains("中共示范县委员会", "季度报告演练", "县财政局：按时办结率", "特此报告。");
      assertThat(rest.get("finance-liaison", url).status()).isEqualTo(403);
      List<NotificationRecord> told = notifications.ofEvent("quarterly-report:" + code + ":" + quarter);
      assertThat(told).extracting(NotificationRecord::recipientId).contains("leader", "office")
          .doesNotContain("finance-liaison");

      // when: the quarter is asked for again: nothing new
      driver.management.executeJob(quarterlyTimer().getId());
      runReportJobs(code);
      assertThat(
          historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BulletinModel.QUARTERLY_PROCESS)
              .processInstanceBusinessKey(code).count())
          .isEqualTo(1);
    } finally {
      ClockUtil.reset();
      driver.runtime.createProcessInstanceQuery().processDefinitionKey(BulletinModel.QUARTERLY_PROCESS).list().forEach(
          i -> driver.runtime.deleteProcessInstance(i.getId(), "测试清理", true, true));
    }
  }
}
