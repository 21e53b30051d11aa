package cn.gov.county.campaign.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * The monthly bulletin on a moved clock: at the start of a month every running campaign gets the
 * previous month's bulletin drafted from its departments' records; the office approves it; it is
 * numbered and reaches every participating unit exactly once, however often the month is asked for.
 */
@CampaignIntegrationTest
class MonthlyBulletinProcessTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  @Autowired
  Notifications notifications;

  @Autowired
  Organization organization;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  private Job monthlyTimer() {
    return driver.management.createJobQuery().processDefinitionKey(BulletinModel.PROCESS).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null) // the start timer, not a task's deadline timers
        .max((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
  }

  /** Runs the jobs of the campaign's bulletin instances only (other campaigns' are not this test's). */
  private void runBulletinJobs(String code) {
    for (int round = 0; round < 5; round++) {
      for (ProcessInstance bulletin : driver.runtime.createProcessInstanceQuery()
          .processDefinitionKey(BulletinModel.PROCESS)
          .processInstanceBusinessKey(code).list()) {
        driver.management.createJobQuery().processInstanceId(bulletin.getId()).list()
            .forEach(job -> driver.management.executeJob(job.getId()));
      }
    }
  }

  @Test
  void theMonthsBulletinIsDraftedApprovedAndDeliveredToEveryParticipatingUnitExactlyOnce() {
    // given: a running campaign without 东风街道
    String code = driver.launch("月度通报演练", List.of("dept-dongfeng"));
    Job timer = monthlyTimer();
    Date firstOfMonth = timer.getDuedate();
    String month = YearMonth.from(LocalDateTime.ofInstant(firstOfMonth.toInstant(), ZoneId.of("Asia/Shanghai")))
        .minusMonths(1).toString();
    try {
      // when: the month begins
      ClockUtil.setCurrentTime(new Date(firstOfMonth.getTime() + 60_000));
      driver.management.executeJob(timer.getId());
      runBulletinJobs(code);

      // then: the office has the previous month's bulletin of this campaign to approve, one row per unit
      Task approve = driver.tasks.createTaskQuery().processDefinitionKey(BulletinModel.PROCESS)
          .processInstanceBusinessKey(code).taskDefinitionKey(BulletinModel.APPROVE).singleResult();
      assertThat(approve).isNotNull();
      assertThat(driver.runtime.getVariable(approve.getProcessInstanceId(), BulletinModel.MONTH)).isEqualTo(month);
      JsonNode rows = rest
          .get("office", "/engine-rest/task/" + approve.getId() + "/variables/bulletinRows?deserializeValue=false")
          .json().path("value");
      JsonNode table = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rows.asText());
      assertThat(table.findValuesAsText("departmentName")).hasSize(9).contains("县财政局").doesNotContain("东风街道");
      assertThat(table.get(0).has("onTimeRate")).isTrue();

      // when: the office approves it with its own closing paragraph
      rest.post("office", "/engine-rest/task/" + approve.getId() + "/claim", "{\"userId\":\"office\"}");
      var approved = rest.post("office", "/engine-rest/task/" + approve.getId() + "/submit-form",
          RestCampaignWalkthrough.form(
              Map.of("bulletinTitle", "关于月度通报演练工作情况的通报",
                  "bulletinOpening", driver.runtime.getVariable(approve.getProcessInstanceId(), "bulletinOpening"),
                  "bulletinClosing", "请各单位对照通报，逐项整改到位。")));
      assertThat(approved.status()).as(approved.body()).isEqualTo(204);
      runBulletinJobs(code);

      // then: numbered, and every participating unit's liaison and head are told once; 东风街道 is not
      String number = (String) historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(approve.getProcessInstanceId()).variableName(BulletinModel.NOTICE_NUMBER).singleResult()
          .getValue();
      assertThat(number).matches(code + "〔\\d{4}〕\\d+号");
      List<NotificationRecord> told = notifications.ofEvent("monthly-bulletin:" + code + ":" + month);
      Set<String> participants = organization.departments().stream().filter(d -> !d.id().equals("dept-dongfeng"))
          .flatMap(d -> Stream.of(d.liaison().id(), d.head().id())).collect(Collectors.toSet());
      assertThat(told.stream().map(NotificationRecord::recipientId).collect(Collectors.toSet()))
          .isEqualTo(participants);
      assertThat(told).hasSize(participants.size());
      // every unit reads it among its notices, printable
      String noticeUrl = (String) historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(approve.getProcessInstanceId()).variableName("noticeUrl").singleResult().getValue();
      var notice = rest.get("finance-liaison", noticeUrl);
      assertThat(notice.status()).isEqualTo(200);
      assertThat(notice.body()).contains("关于月度通报演练工作情况的通报", "县财政局：按时办结率", "请各单位对照通报，逐项整改到位。");

      // when: the same month is asked for again (the next cycle's timer run early, a second node, a retry)
      driver.management.executeJob(monthlyTimer().getId());
      runBulletinJobs(code);

      // then: nothing new for this campaign and month
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BulletinModel.PROCESS)
          .processInstanceBusinessKey(code).count()).isEqualTo(1);
      assertThat(notifications.ofEvent("monthly-bulletin:" + code + ":" + month)).hasSize(participants.size());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } finally {
      ClockUtil.reset();
    }
  }
}
