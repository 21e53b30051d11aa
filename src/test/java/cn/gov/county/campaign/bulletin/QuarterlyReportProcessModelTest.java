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
 * QuarterlyReportProcess: on the 5th of January, April, July and October a report on the quarter before is
 * requested for every running campaign; the office approves it and it goes to the county committee with a number;
 * a campaign's quarter is reported once.
 */
class QuarterlyReportProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final List<String> runningCampaigns = new ArrayList<>(List.of("ZG-2027-ABCD", "ZG-2027-EFGH"));
  /** The reports issued, "code quarter". */
  private final List<String> issued = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(at(2027, 3, 5));
    // read by the start timer when the model is deployed
    Mocks.register("quarterlyReportSchedule", new MonthlyBulletins.Schedule("0 0 9 5 1,4,7,10 ?"));
    Mocks.register("deadlines", deadlines);
    // as QuarterlyReports.request: one report per running campaign on the quarter before
    Mocks.register("requestQuarterlyReportsDelegate", (JavaDelegate) execution -> {
      YearMonth before = YearMonth.from(ModelDeadlines.today()).minusMonths(3);
      String quarter = before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1);
      for (String code : runningCampaigns) {
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(QUARTERLY_REQUESTED_MESSAGE)
            .processInstanceBusinessKey(code).setVariable(CAMPAIGN_CODE, code).setVariable(QUARTER, quarter)
            .correlateStartMessage();
      }
    });
    // as QuarterlyReports.draft: the title from the campaign's records, whether the quarter is reported
    Mocks.register("draftQuarterlyReportDelegate", (JavaDelegate) execution -> {
      String code = (String) execution.getVariable(CAMPAIGN_CODE);
      String quarter = (String) execution.getVariable(QUARTER);
      execution.setVariable(REPORT_ALREADY_ISSUED, issued.contains(code + " " + quarter));
      execution.setVariable(REPORT_TITLE, "关于" + code + quarter + "进展情况的报告");
    });
    Mocks.register("issueQuarterlyReportDelegate", (JavaDelegate) execution -> {
      issued.add(execution.getVariable(CAMPAIGN_CODE) + " " + execution.getVariable(QUARTER));
      execution.setVariable(NOTICE_NUMBER, "整改报〔2027〕" + issued.size() + "号");
    });
    ModelTests.deploy(engine, List.of(QUARTERLY_PROCESS));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  private Job quarterBegins() {
    return engine.getManagementService().createJobQuery().timers().activityId(QUARTER_BEGINS).singleResult();
  }

  /** The 5th of April: the start timer fires. */
  private List<ProcessInstance> aprilQuarterBegins() {
    ClockUtil.setCurrentTime(at(2027, 4, 5));
    execute(quarterBegins());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(QUARTERLY_PROCESS)
        .list().stream().sorted(java.util.Comparator.comparing(ProcessInstance::getBusinessKey)).toList();
  }

  private ProcessInstance draft(ProcessInstance report) {
    execute(job(DRAFT_REPORT, report));
    return report;
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
