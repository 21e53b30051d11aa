package cn.gov.county.campaign.supervision;

import static cn.gov.county.campaign.supervision.SupervisionModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SupervisionRoundProcess: on the 1st and the 16th the supervision office records its round while a campaign runs
 * (none runs: no round); the findings marked for a case become supervision cases.
 */
class SupervisionRoundProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final List<String> casesOpenedFor = new ArrayList<>();
  private boolean campaignsRunning = true;

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(at(2027, 3, 5, 10));
    // read by the start timer when the model is deployed
    Mocks.register("supervisionRoundSchedule", new SupervisionRounds.Schedule("0 0 9 1,16 * ?"));
    Mocks.register("deadlines", deadlines);
    // as SupervisionRounds.prepare: the running campaigns as options, the half month
    Mocks.register("prepareSupervisionRoundDelegate", (JavaDelegate) execution -> {
      execution.setVariable(CAMPAIGN_OPTIONS, JsonVariables.of(campaignsRunning
          ? List.of(Map.of("label", "作风整顿（ZG-2027-ABCD）", "value", "ZG-2027-ABCD"))
          : List.of()));
      execution.setVariable(CAMPAIGNS_RUNNING, campaignsRunning);
      execution.setVariable(ROUND_PERIOD, "2027年3月下半月");
    });
    // as SupervisionRounds.openCases: one case per finding marked 立案
    Mocks.register("openRoundCasesDelegate", (JavaDelegate) execution -> {
      for (JsonNode finding : JsonVariables.read(execution, ROUND_FINDINGS)) {
        if (finding.path("openCase").asBoolean()) {
          casesOpenedFor.add(finding.path("findingDepartment").asText());
        }
      }
      execution.setVariable(CASES_OPENED, casesOpenedFor.size());
    });
    ModelTests.deploy(engine, List.of(ROUND_PROCESS));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  private Job nextRound() {
    return engine.getManagementService().createJobQuery().timers().activityId(ROUND_START).singleResult();
  }

  /** The half month begins: the start timer fires. */
  private ProcessInstance halfMonthBegins() {
    ClockUtil.setCurrentTime(at(2027, 3, 16, 9));
    execute(nextRound());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ROUND_PROCESS)
        .singleResult();
  }

  @Test
  void shouldScheduleARoundOnThe1stAndThe16th() {
    // then
    assertThat(nextRound().getDuedate()).isEqualTo(at(2027, 3, 16, 9));
  }

  @Test
  void shouldHaveTheSupervisionOfficeRecordTheRound_whileACampaignRuns() {
    // when
    ProcessInstance round = halfMonthBegins();

    // then
    assertThat(round).isWaitingAt(RECORD_ROUND).hasPassed(PREPARE_ROUND).variables()
        .containsEntry(ROUND_PERIOD, "2027年3月下半月").containsEntry(CAMPAIGNS_RUNNING, true);
    assertThat(task(round)).hasCandidateGroup(Groups.SUPERVISION_OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    assertThat(nextRound().getDuedate()).isEqualTo(at(2027, 4, 1, 9));
  }

  @Test
  void shouldOpenACaseForEachFindingMarkedForOne() {
    // given
    ProcessInstance round = halfMonthBegins();
    Map<String, Object> record = new HashMap<>();
    record.put(CAMPAIGN_CODE, "ZG-2027-ABCD");
    record.put("checkMode", "暗访");
    record.put("checkedBy", "王五");
    record.put("checkedOn", "2027-03-15");
    record.put(ROUND_FINDINGS, JsonVariables.of(List.of(
        Map.of("findingDepartment", "dept-finance", "findingText", "窗口人员脱岗", "findingSeriousness", "serious",
            "openCase", true),
        Map.of("findingDepartment", "dept-market", "findingText", "公示栏未更新", "openCase", false))));

    // when
    complete(task(round), record);
    execute(job(OPEN_ROUND_CASES, round));

    // then
    assertThat(round).isEnded().hasPassed(ROUND_RECORDED_END).variables().containsEntry(CASES_OPENED, 1);
    assertThat(casesOpenedFor).containsExactly("dept-finance");
  }

  @Test
  void shouldHoldNoRound_whenNoCampaignRuns() {
    // given
    campaignsRunning = false;

    // when
    ProcessInstance round = halfMonthBegins();

    // then
    assertThat(round).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(NO_ROUND_END).count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(nextRound().getDuedate()).isEqualTo(at(2027, 4, 1, 9));
  }
}
