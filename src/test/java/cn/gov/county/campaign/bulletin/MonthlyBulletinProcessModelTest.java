package cn.gov.county.campaign.bulletin;

import static cn.gov.county.campaign.bulletin.BulletinModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
 * MonthlyBulletinProcess: on the 1st of each month a bulletin on the month before is requested for every running
 * campaign; the office approves it and it is issued with a number; a campaign's month is bulletined once.
 */
class MonthlyBulletinProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final List<String> runningCampaigns = new ArrayList<>(List.of("ZG-2027-ABCD", "ZG-2027-EFGH"));
  /** The bulletins issued, "code month". */
  private final List<String> issued = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(at(2027, 3, 5));
    // read by the start timer when the model is deployed
    Mocks.register("monthlyBulletinSchedule", new MonthlyBulletins.Schedule("0 0 9 1 * ?"));
    Mocks.register("deadlines", deadlines);
    // as MonthlyBulletins.request: one bulletin per running campaign on the month before
    Mocks.register("requestMonthlyBulletinsDelegate", (JavaDelegate) execution -> {
      String month = YearMonth.from(ModelDeadlines.today()).minusMonths(1).toString();
      for (String code : runningCampaigns) {
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(REQUESTED_MESSAGE)
            .processInstanceBusinessKey(code).setVariable(CAMPAIGN_CODE, code).setVariable(MONTH, month)
            .correlateStartMessage();
      }
    });
    // as MonthlyBulletins.draft: the title from the campaign's records, whether the month is bulletined
    Mocks.register("draftMonthlyBulletinDelegate", (JavaDelegate) execution -> {
      String code = (String) execution.getVariable(CAMPAIGN_CODE);
      String month = (String) execution.getVariable(MONTH);
      execution.setVariable(BULLETIN_ALREADY_ISSUED, issued.contains(code + " " + month));
      execution.setVariable(BULLETIN_TITLE, "关于" + code + month + "工作情况的通报");
    });
    Mocks.register("issueMonthlyBulletinDelegate", (JavaDelegate) execution -> {
      issued.add(execution.getVariable(CAMPAIGN_CODE) + " " + execution.getVariable(MONTH));
      execution.setVariable(NOTICE_NUMBER, "整改通〔2027〕" + issued.size() + "号");
    });
    ModelTests.deploy(engine, List.of(PROCESS));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  private Job monthBegins() {
    return engine.getManagementService().createJobQuery().timers().activityId(MONTH_BEGINS).singleResult();
  }

  /** The 1st of April: the start timer fires. */
  private List<ProcessInstance> aprilBegins() {
    ClockUtil.setCurrentTime(at(2027, 4, 1));
    execute(monthBegins());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .list().stream().sorted(java.util.Comparator.comparing(ProcessInstance::getBusinessKey)).toList();
  }

  private ProcessInstance draft(ProcessInstance bulletin) {
    execute(job(DRAFT_BULLETIN, bulletin));
    return bulletin;
  }

  @Test
  void shouldRequestTheBulletinsOnThe1stOfEachMonth() {
    // then
    assertThat(monthBegins().getDuedate()).isEqualTo(at(2027, 4, 1));
  }

  @Test
  void shouldRequestOneBulletinOnTheMonthBefore_forEachRunningCampaign() {
    // when
    List<ProcessInstance> bulletins = aprilBegins();

    // then
    assertThat(bulletins).extracting(ProcessInstance::getBusinessKey).containsExactly("ZG-2027-ABCD", "ZG-2027-EFGH");
    for (ProcessInstance bulletin : bulletins) {
      assertThat(bulletin).isWaitingAt(DRAFT_BULLETIN).variables().containsEntry(MONTH, "2027-03")
          .containsEntry(CAMPAIGN_CODE, bulletin.getBusinessKey());
    }
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(BULLETINS_REQUESTED_END)
        .count()).isEqualTo(1);
    assertThat(monthBegins().getDuedate()).isEqualTo(at(2027, 5, 1));
  }

  @Test
  void shouldHaveTheOfficeApproveTheBulletin_andIssueItWithANumber() {
    // given
    ProcessInstance bulletin = draft(aprilBegins().get(0));
    assertThat(bulletin).isWaitingAt(APPROVE).variables().containsEntry(BULLETIN_ALREADY_ISSUED, false)
        .containsEntry(BULLETIN_TITLE, "关于ZG-2027-ABCD2027-03工作情况的通报");
    assertThat(task(bulletin)).hasCandidateGroup(Groups.OFFICE).hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(bulletin), withVariables(BULLETIN_TITLE, "关于三月份作风整顿工作情况的通报"));
    execute(job(ISSUE_BULLETIN, bulletin));

    // then
    assertThat(bulletin).isEnded().hasPassed(BULLETIN_ISSUED_END).variables()
        .containsEntry(NOTICE_NUMBER, "整改通〔2027〕1号").containsEntry(BULLETIN_TITLE, "关于三月份作风整顿工作情况的通报");
    assertThat(issued).containsExactly("ZG-2027-ABCD 2027-03");
  }

  @Test
  void shouldNotBulletinAMonthTwice() {
    // given
    issued.add("ZG-2027-ABCD 2027-03");
    runningCampaigns.remove("ZG-2027-EFGH");

    // when
    ProcessInstance bulletin = draft(aprilBegins().get(0));

    // then
    assertThat(bulletin).isEnded().hasPassed(BULLETIN_NOT_REPEATED_END).hasNotPassed(APPROVE);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }

  @Test
  void shouldRequestNothing_whenNoCampaignRuns() {
    // given
    runningCampaigns.clear();

    // when
    List<ProcessInstance> bulletins = aprilBegins();

    // then
    assertThat(bulletins).isEmpty();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(BULLETINS_REQUESTED_END)
        .count()).isEqualTo(1);
  }
}
