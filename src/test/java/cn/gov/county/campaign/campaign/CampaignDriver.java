package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Plays the users of a campaign against the engine, the way Tasklist would submit their forms.
 * The job executor is off in tests: {@link #runJobs()} runs what is due, as the executor would;
 * where it runs ({@link #withJobExecutor}), {@link #runJobs()} waits until it has run what is due.
 */
public final class CampaignDriver {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

  public final RuntimeService runtime;
  public final TaskService tasks;
  public final ManagementService management;
  private final boolean jobExecutorRuns;

  public CampaignDriver(ProcessEngine engine) {
    this(engine, false);
  }

  private CampaignDriver(ProcessEngine engine, boolean jobExecutorRuns) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.jobExecutorRuns = jobExecutorRuns;
  }

  /** A driver for an engine whose job executors (on one node or several) run the jobs. */
  public static CampaignDriver withJobExecutor(ProcessEngine engine) {
    return new CampaignDriver(engine, true);
  }

  /** The launch form's variables: phases from yesterday on, the discussion period open now. */
  public static Map<String, Object> launchForm(String name, List<String> excludedDepartments) {
    Map<String, Object> form = new HashMap<>();
    form.put("campaignName", name);
    form.put("campaignCode", "");
    form.put("documentNumber", "示委办〔2026〕12号");
    form.put("excludedDepartments", JsonVariables.of(excludedDepartments));
    form.put("mobilizationStart", TODAY.minusDays(1).toString());
    form.put("mobilizationEnd", TODAY.plusDays(10).toString());
    form.put("discussionStart", TODAY.minusDays(1).toString());
    form.put("discussionEnd", TODAY.plusDays(8).toString());
    form.put("selfInspectionDueDate", weekdayFrom(TODAY.plusDays(15)).toString());
    form.put("researchStart", TODAY.plusDays(11).toString());
    form.put("researchEnd", TODAY.plusDays(25).toString());
    form.put("rectificationStart", TODAY.plusDays(26).toString());
    form.put("rectificationEnd", TODAY.plusDays(40).toString());
    form.put("consolidationStart", TODAY.plusDays(41).toString());
    form.put("consolidationEnd", TODAY.plusDays(60).toString());
    form.put("excludedChecklistItems", JsonVariables.of(List.of()));
    form.put("additionalChecklistItems", "");
    return form;
  }

  /** The day, or the Monday after it when it falls on a weekend (the launch form wants a working day). */
  static LocalDate weekdayFrom(LocalDate day) {
    LocalDate weekday = day;
    while (weekday.getDayOfWeek().getValue() > 5) {
      weekday = weekday.plusDays(1);
    }
    return weekday;
  }

  /** Runs every job that is due, including the jobs those jobs create. */
  public void runJobs() {
    if (jobExecutorRuns) {
      awaitJobs();
      return;
    }
    for (int round = 0; round < 500; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        // an earlier job may have removed it (a deadline timer goes with its task)
        if (management.createJobQuery().jobId(job.getId()).count() > 0) {
          management.executeJob(job.getId());
        }
      }
    }
    throw new IllegalStateException("jobs keep coming");
  }

  /** Waits (at most two minutes) until no job is due: every due job has run and committed. */
  private void awaitJobs() {
    long deadline = System.currentTimeMillis() + 120_000;
    while (management.createJobQuery().executable().count() > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("jobs still due after two minutes: "
            + management.createJobQuery().executable().list());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public String launch(String name, List<String> excludedDepartments) {
    ProcessInstance campaign = runtime.startProcessInstanceByKey(CampaignModel.CAMPAIGN_PROCESS,
        launchForm(name, excludedDepartments));
    runJobs();
    String code = (String) runtime.getVariable(campaign.getId(), CampaignModel.CAMPAIGN_CODE);
    assertThat(code).as("campaign code").startsWith("ZG-");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.getId()).singleResult().getBusinessKey())
        .isEqualTo(code);
    return code;
  }

  /**
   * The day the campaign set in {@code dateVariable} (e.g. "researchStart") comes: the engine clock
   * moves to 09:00 China time on it and what is due runs; a phase opens on its start date.
   */
  public void dayOf(String campaignCode, String dateVariable) {
    String campaignId = runtime.createProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(campaignCode).singleResult().getId();
    LocalDate day = LocalDate.parse((String) runtime.getVariable(campaignId, dateVariable));
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(CampaignDates.CHINA).toInstant()));
    runJobs();
  }

  /** The open tasks of the campaign for a task definition, e.g. every department's work plan. */
  public List<Task> open(String campaignCode, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(campaignCode).taskDefinitionKey(taskDefinitionKey)
        .orderByTaskCreateTime().asc().list();
  }

  /** The single open task of that kind for one department. */
  public Task open(String campaignCode, String taskDefinitionKey, String department) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(campaignCode)
        .taskDefinitionKey(taskDefinitionKey).processVariableValueEquals(CampaignModel.DEPARTMENT, department).list();
    assertThat(found).as(taskDefinitionKey + " of " + department).hasSize(1);
    return found.get(0);
  }

  /** Claims (as a Tasklist user would) and completes with the form's variables; then runs due jobs. */
  public void complete(Task task, String user, Map<String, Object> form) {
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), form);
    runJobs();
  }

  JsonNode json(String taskId, String variable) {
    return JsonVariables.toJson(tasks.getVariableTyped(taskId, variable, false));
  }

  // ---- the forms of a department's self-inspection -----------------------------------------

  public void doSelfInspection(String code, String department, String problem) {
    selfInspectUntilLeadersSign(code, department, problem);
    signLeaderCommitments(code, department);
    enterStaffCommitments(code, department);
  }

  /** Phase 1 up to the leaders' own commitments: work plan, discussion, checklist, the unit's commitment. */
  public void selfInspectUntilLeadersSign(String code, String department, String problem) {
    complete(open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, department), liaisonOf(department),
        Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"));
    complete(open(code, CampaignModel.SelfInspection.RECORD_DISCUSSION, department), liaisonOf(department),
        Map.of("discussionParticipants", 36, "discussionOutcome", "围绕什么是在状态、什么是不在状态、怎样进状态开展讨论，形成共识。"));
    Task selfInspect = open(code, CampaignModel.SelfInspection.SELF_INSPECT, department);
    ArrayNode rows = (ArrayNode) json(selfInspect.getId(), "selfInspection");
    if (problem != null) {
      ((ObjectNode) rows.get(0)).put("applies", true).put("problem", problem).put("cause", "宗旨意识不强");
    }
    complete(selfInspect, liaisonOf(department), Map.of("selfInspection", JsonVariables.of(rows),
        "servedOpinions", "走访服务对象 20 家，收集意见 5 条。"));
    Task commitment = open(code, CampaignModel.SelfInspection.SIGN_UNIT_COMMITMENT, department);
    assertThat(commitment.getAssignee()).isEqualTo(headOf(department));
    tasks.complete(commitment.getId(), Map.of("unitCommitment", "本人承诺带头转变作风，接受群众监督。", "commitmentAgreed", true));
    runJobs();
  }

  /** The liaison enters the staff's commitments; then the unit's commitments are published. */
  public void enterStaffCommitments(String code, String department) {
    complete(open(code, CampaignModel.SelfInspection.ENTER_STAFF_COMMITMENTS, department), liaisonOf(department),
        Map.of("staffCommitments", JsonVariables.of(List.of(Map.of("staffName", "王敏", "staffPost", "科员",
            "staffCommitment", "热情服务，限时办结。")))));
  }

  /** Each member of the unit's leading team signs his own commitment, as himself (班子成员签订个人承诺). */
  public void signLeaderCommitments(String code, String department) {
    List<Task> signatures = open(code, CampaignModel.SelfInspection.SIGN_LEADER_COMMITMENT).stream()
        .filter(t -> department.equals(runtime.getVariable(t.getExecutionId(), CampaignModel.DEPARTMENT))).toList();
    assertThat(signatures).as("leaders' commitments of " + department).isNotEmpty();
    for (Task signature : signatures) {
      tasks.complete(signature.getId(), Map.of("leaderPost", "班子成员，分管机关作风建设",
          "leaderCommitment", "本人承诺带头改进作风，分管领域的问题限期整改到位，接受组织和群众监督。", "leaderCommitmentAgreed", true));
    }
    runJobs();
  }

  void submitReport(String code, String department) {
    complete(open(code, CampaignModel.SelfInspection.SUBMIT_REPORT, department), liaisonOf(department),
        Map.of("selfInspectionReport", "本单位对照活动清单逐项开展自查，征求服务对象意见，查找问题并分析原因，现将自查情况报告如下。"));
    approveAsHead(code, department, CampaignModel.SelfInspection.HEAD_APPROVES_REPORT);
  }

  /** The unit head approves what the liaison submitted (一把手审核同意后报送). */
  public void approveAsHead(String code, String department, String taskDefinitionKey) {
    Task approval = open(code, taskDefinitionKey, department);
    assertThat(approval.getAssignee()).isEqualTo(headOf(department));
    complete(approval, headOf(department), HEAD_APPROVES);
  }

  void reviewReport(String code, String department, String decision) {
    Map<String, Object> form = new HashMap<>();
    form.put("reportDecision", decision);
    form.put("reportReturnReason", "returned".equals(decision) ? "问题查找不深入，请补充原因分析。" : null);
    complete(open(code, CampaignModel.SelfInspection.REVIEW_REPORT, department), "office", form);
  }

  public static String liaisonOf(String department) {
    return department.replaceFirst("^dept-", "") + "-liaison";
  }

  /** The head's approval of a report (UnitHeadApprovalForm). */
  public static final Map<String, Object> HEAD_APPROVES = Map.of("headDecision", "approved");

  /** The liaison's name in the demo organization: a person of the unit, as a problem's responsible person must be. */
  public static String liaisonNameOf(String department) {
    return switch (department) {
      case "dept-propaganda" -> "陈晓燕";
      case "dept-union" -> "孙丽";
      case "dept-devreform" -> "吴芳";
      case "dept-finance" -> "王敏";
      case "dept-market" -> "何静";
      case "dept-education" -> "朱婷";
      case "dept-taxation" -> "胡佳";
      case "dept-meteorology" -> "林雪";
      case "dept-chengguan" -> "罗琳";
      case "dept-dongfeng" -> "宋佳";
      default -> throw new IllegalArgumentException("no demo liaison for " + department);
    };
  }

  /** The leading team in the demo organization: the head, and a deputy in the finance and market bureaus. */
  public static List<String> leadingTeamOf(String department) {
    return switch (department) {
      case "dept-finance", "dept-market" ->
        List.of(headOf(department), department.replaceFirst("^dept-", "") + "-deputy");
      default -> List.of(headOf(department));
    };
  }

  public static String headOf(String department) {
    return department.replaceFirst("^dept-", "") + "-head";
  }
}
