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
 * QuarterlyReportProcess: on the 5th of January, April, July and October a report on the quarter before is
 * requested for every running campaign; the office approves it and it goes to the county committee with a number;
 * a campaign's quarter is reported once.
 */
class QuarterlyReportProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final PeriodicReportModelFixture model = new PeriodicReportModelFixture(engine,
      new PeriodicReportModelFixture.Kind(QUARTERLY_PROCESS, "quarterlyReportSchedule", "0 0 9 5 1,4,7,10 ?",
          QUARTER_BEGINS, "requestQuarterlyReportsDelegate", QUARTERLY_REQUESTED_MESSAGE, QUARTER, today -> {
            YearMonth before = YearMonth.from(today).minusMonths(3);
            return before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1);
          },
          "draftQuarterlyReportDelegate", DRAFT_REPORT, REPORT_ALREADY_ISSUED, REPORT_TITLE,
          (code, quarter) -> "关于" + code + quarter + "进展情况的报告",
          "issueQuarterlyReportDelegate", n -> "整改报〔2027〕" + n + "号"));
  private final ModelDeadlines deadlines = model.deadlines;
  private final List<String> runningCampaigns = model.runningCampaigns;
  /** The reports issued, "code quarter". */
  private final List<String> issued = model.issued;

  @BeforeEach
  void deploy() {
    model.deploy();
  }

  @AfterEach
  void reset() {
    model.reset();
  }

  private Job quarterBegins() {
    return model.startTimer();
  }

  /** The 5th of April: the start timer fires. */
  private List<ProcessInstance> aprilQuarterBegins() {
    return model.startTimerFiresOn(at(2027, 4, 5));
  }

  private ProcessInstance draft(ProcessInstance report) {
    return model.draft(report);
  }

  @Test
  void shouldRequestTheReportsOnThe5thOfEachQuarter() {
    // then
    assertThat(quarterBegins().getDuedate()).isEqualTo(at(2027, 4, 5));
  }

  @Test
  void shouldRequestOneReportOnTheQuarterBefore_forEachRunningCampaign() {
    // when
    List<ProcessInstance> reports = aprilQuarterBegins();

    // then
    assertThat(reports).extracting(ProcessInstance::getBusinessKey).containsExactly("ZG-2027-ABCD", "ZG-2027-EFGH");
    for (ProcessInstance report : reports) {
      assertThat(report).isWaitingAt(DRAFT_REPORT).variables().containsEntry(QUARTER, "2027-Q1")
          .containsEntry(CAMPAIGN_CODE, report.getBusinessKey());
    }
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(REPORTS_REQUESTED_END)
        .count()).isEqualTo(1);
    assertThat(quarterBegins().getDuedate()).isEqualTo(at(2027, 7, 5));
  }

  @Test
  void shouldHaveTheOfficeApproveTheReport_andIssueItWithANumber() {
    // given
    ProcessInstance report = draft(aprilQuarterBegins().get(0));
    assertThat(report).isWaitingAt(APPROVE_QUARTERLY).variables().containsEntry(REPORT_ALREADY_ISSUED, false)
        .containsEntry(REPORT_TITLE, "关于ZG-2027-ABCD2027-Q1进展情况的报告");
    assertThat(task(report)).hasCandidateGroup(Groups.OFFICE).hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(report), withVariables(REPORT_TITLE, "关于一季度作风整顿进展情况的报告"));
    execute(job(ISSUE_REPORT, report));

    // then
    assertThat(report).isEnded().hasPassed(REPORT_ISSUED_END).variables()
        .containsEntry(NOTICE_NUMBER, "整改报〔2027〕1号").containsEntry(REPORT_TITLE, "关于一季度作风整顿进展情况的报告");
    assertThat(issued).containsExactly("ZG-2027-ABCD 2027-Q1");
  }

  @Test
  void shouldNotReportAQuarterTwice() {
    // given
    issued.add("ZG-2027-ABCD 2027-Q1");
    runningCampaigns.remove("ZG-2027-EFGH");

    // when
    ProcessInstance report = draft(aprilQuarterBegins().get(0));

    // then
    assertThat(report).isEnded().hasPassed(REPORT_NOT_REPEATED_END).hasNotPassed(APPROVE_QUARTERLY);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }

  @Test
  void shouldRequestNothing_whenNoCampaignRuns() {
    // given
    runningCampaigns.clear();

    // when
    List<ProcessInstance> reports = aprilQuarterBegins();

    // then
    assertThat(reports).isEmpty();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(REPORTS_REQUESTED_END)
        .count()).isEqualTo(1);
  }
}
