package cn.gov.county.campaign.bulletin;

import static cn.gov.county.campaign.bulletin.BulletinModel.*;
import static cn.gov.county.campaign.bulletin.PeriodicReportModelFixture.at;
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
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
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

  private final PeriodicReportModelFixture model = new PeriodicReportModelFixture(engine,
      new PeriodicReportModelFixture.Kind(PROCESS, "monthlyBulletinSchedule", "0 0 9 1 * ?", MONTH_BEGINS,
          "requestMonthlyBulletinsDelegate", REQUESTED_MESSAGE, MONTH,
          today -> YearMonth.from(today).minusMonths(1).toString(),
          "draftMonthlyBulletinDelegate", DRAFT_BULLETIN, BULLETIN_ALREADY_ISSUED, BULLETIN_TITLE,
          (code, month) -> "关于" + code + month + "工作情况的通报",
          "issueMonthlyBulletinDelegate", n -> "整改通〔2027〕" + n + "号"));
  private final ModelDeadlines deadlines = model.deadlines;
  private final List<String> runningCampaigns = model.runningCampaigns;
  /** The bulletins issued, "code month". */
  private final List<String> issued = model.issued;

  @BeforeEach
  void deploy() {
    model.deploy();
  }

  @AfterEach
  void reset() {
    model.reset();
  }

  private Job monthBegins() {
    return model.startTimer();
  }

  /** The 1st of April: the start timer fires. */
  private List<ProcessInstance> aprilBegins() {
    return model.startTimerFiresOn(at(2027, 4, 1));
  }

  private ProcessInstance draft(ProcessInstance bulletin) {
    return model.draft(bulletin);
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
