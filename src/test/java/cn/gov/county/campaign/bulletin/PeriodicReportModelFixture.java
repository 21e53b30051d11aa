package cn.gov.county.campaign.bulletin;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * What the model tests of the two periodic reports (MonthlyBulletinProcess, QuarterlyReportProcess)
 * share: a start timer on a schedule requests one report per running campaign on the period before;
 * the draft says whether the period was already reported and proposes a title; the issue gives a
 * number. The delegates stand in for MonthlyBulletins and QuarterlyReports; the clock starts on 5
 * March 2027.
 */
final class PeriodicReportModelFixture {

  /**
   * What differs between the two processes.
   *
   * @param process           the process key
   * @param scheduleBean      the bean the start timer reads when the model is deployed, with its cron
   * @param startTimer        the start timer's element id
   * @param requestDelegate   the delegate that requests the reports, by correlating requestedMessage
   * @param periodVariable    the variable that names the period (month or quarter)
   * @param periodBefore      the period before a date, as periodVariable holds it
   * @param draftDelegate     the delegate of the draftActivity (an async service task)
   * @param alreadyIssued     the variable that says whether the campaign's period was already reported
   * @param titleVariable     the variable of the proposed title, made by title from code and period
   * @param issueDelegate     the delegate that issues the report, numbered by number from the count issued
   */
  record Kind(String process, String scheduleBean, String cron, String startTimer, String requestDelegate,
      String requestedMessage, String periodVariable, Function<LocalDate, String> periodBefore, String draftDelegate,
      String draftActivity, String alreadyIssued, String titleVariable, BiFunction<String, String, String> title,
      String issueDelegate, IntFunction<String> number) {
  }

  private final ProcessEngineExtension engine;
  private final Kind kind;

  final ModelDeadlines deadlines = new ModelDeadlines();
  /** The campaigns the request finds running. */
  final List<String> runningCampaigns = new ArrayList<>(List.of("ZG-2027-ABCD", "ZG-2027-EFGH"));
  /** The reports issued, "code period". */
  final List<String> issued = new ArrayList<>();

  PeriodicReportModelFixture(ProcessEngineExtension engine, Kind kind) {
    this.engine = engine;
    this.kind = kind;
  }

  static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  /** Sets the clock to 5 March 2027, registers the stand-in delegates and deploys the process. */
  void deploy() {
    ClockUtil.setCurrentTime(at(2027, 3, 5));
    // read by the start timer when the model is deployed
    Mocks.register(kind.scheduleBean(), new MonthlyBulletins.Schedule(kind.cron()));
    Mocks.register("deadlines", deadlines);
    // as request: one report per running campaign on the period before
    Mocks.register(kind.requestDelegate(), (JavaDelegate) execution -> {
      String period = kind.periodBefore().apply(ModelDeadlines.today());
      for (String code : runningCampaigns) {
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(kind.requestedMessage())
            .processInstanceBusinessKey(code).setVariable(BulletinModel.CAMPAIGN_CODE, code)
            .setVariable(kind.periodVariable(), period).correlateStartMessage();
      }
    });
    // as draft: the title from the campaign's records, whether the period is reported
    Mocks.register(kind.draftDelegate(), (JavaDelegate) execution -> {
      String code = (String) execution.getVariable(BulletinModel.CAMPAIGN_CODE);
      String period = (String) execution.getVariable(kind.periodVariable());
      execution.setVariable(kind.alreadyIssued(), issued.contains(code + " " + period));
      execution.setVariable(kind.titleVariable(), kind.title().apply(code, period));
    });
    Mocks.register(kind.issueDelegate(), (JavaDelegate) execution -> {
      issued
          .add(execution.getVariable(BulletinModel.CAMPAIGN_CODE) + " " + execution.getVariable(kind.periodVariable()));
      execution.setVariable(BulletinModel.NOTICE_NUMBER, kind.number().apply(issued.size()));
    });
    ModelTests.deploy(engine, List.of(kind.process()));
  }

  void reset() {
    ModelTests.reset();
  }

  /** The start timer. */
  Job startTimer() {
    return engine.getManagementService().createJobQuery().timers().activityId(kind.startTimer()).singleResult();
  }

  /** The start timer fires on that day: the reports requested, by campaign code. */
  List<ProcessInstance> startTimerFiresOn(Date day) {
    ClockUtil.setCurrentTime(day);
    execute(startTimer());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(kind.process()).list()
        .stream().sorted(Comparator.comparing(ProcessInstance::getBusinessKey)).toList();
  }

  /** The draft's job runs. */
  ProcessInstance draft(ProcessInstance report) {
    execute(job(kind.draftActivity(), report));
    return report;
  }
}
