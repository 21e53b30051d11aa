package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * One small campaign (the finance and market bureaus) driven from launch to closing through
 * /engine-rest as the demo users would drive it in Tasklist: every form submitted with submit-form
 * (so the server checks it), every task claimed first, every department user seeing only its own
 * department's tasks at every step. Tests that need a finished campaign run it.
 */
public final class RestCampaignWalkthrough {

  public static final List<String> DEPARTMENTS = List.of("dept-finance", "dept-market");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CampaignRest rest;
  private final CampaignDriver jobs;
  private final TaskService taskService;
  private String code;

  public RestCampaignWalkthrough(CampaignRest rest, ProcessEngine engine) {
    this.rest = rest;
    this.jobs = new CampaignDriver(engine);
    this.taskService = engine.getTaskService();
  }

  /** Runs the campaign named {@code name} to its end; answers its code. */
  public String runToTheEnd(String name) {
    Map<String, Object> launch = new LinkedHashMap<>();
    CampaignDriver.launchForm(name, List.of()).forEach((k, v) -> launch.put(k, v));
    launch.put("excludedDepartments", List.of("dept-propaganda", "dept-union", "dept-devreform", "dept-education",
        "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng"));
    launch.put("excludedChecklistItems", List.of("M14"));
    launch.put("additionalChecklistItems", "窗口单位“冷硬横推”");
    launch.put("researchStart", CampaignDriver.TODAY.plusDays(5).toString());
    var refused = rest.post("office",
        "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/submit-form",
        form(launch));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「第二阶段开始日期」不能早于上一阶段的结束日期");
    launch.put("researchStart", CampaignDriver.TODAY.plusDays(11).toString());
    // a discussion that closes after the self-inspection report is due: refused, the field named
    launch.put("discussionEnd", CampaignDriver.TODAY.plusDays(20).toString());
    var tooLate = rest.post("office",
        "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/submit-form",
        form(launch));
    assertThat(tooLate.status()).isEqualTo(400);
    assertThat(tooLate.json().path("violations")).anySatisfy(v -> {
      assertThat(v.path("field").asText()).isEqualTo("discussionEnd");
      assertThat(v.path("message").asText()).startsWith("「大讨论结束日期」不能晚于自查报告报送时限");
    });
    launch.put("discussionEnd", CampaignDriver.TODAY.plusDays(8).toString());
    var started = rest.post("office",
        "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/submit-form",
        form(launch));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    jobs.runJobs();
    code = rest.get("office", "/engine-rest/process-instance/" + started.json().path("id").asText()).json()
        .path("businessKey").asText();
    assertThat(code).startsWith("ZG-");

    submit("office", CampaignModel.Campaign.RECORD_MOBILIZATION,
        Map.of("opinionsIssuedOn", CampaignDriver.TODAY.toString(),
            "opinionsTitle", "关于开展机关作风建设活动的实施意见", "mobilizationMeetingOn", CampaignDriver.TODAY.toString(),
            "mobilizationMeetingNotes", "召开全县动员大会。"));

    // phase 1, as each department's liaison and unit head
    for (String department : DEPARTMENTS) {
      String liaison = CampaignDriver.liaisonOf(department);
      submit(liaison, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, Map.of("workPlan", "成立工作专班，分三个步骤开展自查自纠和整改。",
          "workPlanLeader", "分管副局长"));
      submit(liaison, CampaignModel.SelfInspection.RECORD_DISCUSSION, Map.of("discussionParticipants", 30,
          "discussionOutcome", "围绕什么是在状态、什么是不在状态、怎样进状态开展大讨论。"));
      String selfInspect = task(liaison, CampaignModel.SelfInspection.SELF_INSPECT);
      ArrayNode rows = jsonVariable(liaison, selfInspect, "selfInspection");
      assertThat(rows).hasSize(22);
      assertThat(rows.get(rows.size() - 1).path("text").asText()).isEqualTo("窗口单位“冷硬横推”");
      if (department.equals("dept-finance")) {
        ((ObjectNode) rows.get(0)).put("applies", true).put("problem", "窗口服务态度生硬").put("cause", "宗旨意识淡薄");
      }
      submit(liaison, CampaignModel.SelfInspection.SELF_INSPECT,
          Map.of("selfInspection", rows, "servedOpinions", "走访服务对象，收集意见 6 条。"));
      submit(CampaignDriver.headOf(department), CampaignModel.SelfInspection.SIGN_UNIT_COMMITMENT, Map.of(
          "unitCommitment", "本人承诺带头转变作风，从严管理，接受监督。", "commitmentAgreed", true));
      for (String leader : CampaignDriver.leadingTeamOf(department)) {
        JsonNode own = rest.get(leader, "/engine-rest/task?processInstanceBusinessKey=" + code
            + "&taskDefinitionKey=" + CampaignModel.SelfInspection.SIGN_LEADER_COMMITMENT + "&assignee=" + leader)
            .json();
        assertThat(own).as(leader + " signs his own commitment").hasSize(1);
        var signed = rest.post(leader, "/engine-rest/task/" + own.get(0).path("id").asText() + "/submit-form",
            form(Map.of("leaderPost", "班子成员", "leaderCommitment", "本人承诺带头改进作风，分管领域的问题限期整改到位，接受监督。",
                "leaderCommitmentAgreed", true)));
        assertThat(signed.status()).as(leader + " signs: " + signed.body()).isEqualTo(204);
        jobs.runJobs();
      }
      var empty = rest.post(liaison,
          "/engine-rest/task/" + task(liaison, CampaignModel.SelfInspection.ENTER_STAFF_COMMITMENTS) + "/submit-form",
          form(Map.of("staffCommitments", List.of())));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.body()).contains("「干部职工承诺」至少要填一行");
      submit(liaison, CampaignModel.SelfInspection.ENTER_STAFF_COMMITMENTS, Map.of("staffCommitments", List.of(
          Map.of("staffName", "王敏", "staffPost", "科员", "staffCommitment", "热情服务，限时办结。"))));
      submit(liaison, CampaignModel.SelfInspection.SUBMIT_REPORT, Map.of("selfInspectionReport",
          "本单位对照清单逐项自查，征求服务对象意见，查找问题并深入分析原因，现将自查自纠情况报告如下：一是……二是……"));
      submit(CampaignDriver.headOf(department), CampaignModel.SelfInspection.HEAD_APPROVES_REPORT,
          CampaignDriver.HEAD_APPROVES);
      submit("office", CampaignModel.SelfInspection.REVIEW_REPORT, Map.of("reportDecision", "accepted"));
    }
    // 边查边改: the problem the finance bureau found gets its measure at once
    defineMeasure("dept-finance");

    // phase 2, on its date: no further research finding; discipline inspection designates the market department
    jobs.dayOf(code, CampaignModel.RESEARCH_START);
    submit("office", CampaignModel.Campaign.RECORD_RESEARCH_FINDING, Map.of("researchAction", "none"));
    submit("inspector", CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE, Map.of("samplingMethod", "designated",
        "designatedDepartments", List.of("dept-market"), "samplingNote", "群众反映较多"));
    submit("inspector", CampaignModel.Campaign.RECORD_SPOT_CHECK_FINDING, Map.of("spotCheckAction", "recordAndFinish",
        "spotCheckFinding", "自查报告与实际情况不符", "spotCheckCause", "自查走过场"));
    defineMeasure("dept-market");

    // phase 3, on its date: plans (the list of each department's open problems, measures as defined),
    // the leading group's special meeting, rectification of each problem
    jobs.dayOf(code, CampaignModel.RECTIFICATION_START);
    for (String department : DEPARTMENTS) {
      String liaison = CampaignDriver.liaisonOf(department);
      String plan = task(liaison, CampaignModel.RectificationPlan.DRAFT_PLAN);
      ArrayNode items = jsonVariable(liaison, plan, "planItems");
      assertThat(items).hasSize(1);
      items.forEach(row -> ((ObjectNode) row).put("measure", "开展专项整治").put("target", "群众反映的问题全部解决，建立长效机制")
          .put("responsible", CampaignDriver.liaisonNameOf(department))
          .put("deadline", CampaignDriver.TODAY.plusDays(30).toString()));
      submit(liaison, CampaignModel.RectificationPlan.DRAFT_PLAN, Map.of("planItems", items, "planSummary", "按期整改到位"));
      submit(CampaignDriver.headOf(department), CampaignModel.RectificationPlan.HEAD_APPROVES_PLAN,
          CampaignDriver.HEAD_APPROVES);
    }
    submit("leader", CampaignModel.Campaign.HOLD_SPECIAL_MEETING, Map.of("meetingDate", CampaignDriver.TODAY.toString(),
        "meetingDecision", "approved", "meetingMinutes", "审定各单位整改方案。"));
    for (String department : DEPARTMENTS) {
      String liaison = CampaignDriver.liaisonOf(department);
      submit(liaison, CampaignModel.RectificationItem.REPORT_PROGRESS,
          Map.of("progressReport", "整改措施已落实。", "progressStatus", "done"));
      submit(liaison, CampaignModel.RectificationItem.SUBMIT_COMPLETION_REPORT,
          Map.of("completionReport", "整改措施全部落实，问题已解决，群众满意。",
              "completedOn", CampaignDriver.TODAY.toString(), "evidence",
              List.of(Map.of("evidenceTitle", "整改台账", "evidenceReference", "附件1"))));
      submit(CampaignDriver.headOf(department), CampaignModel.RectificationItem.HEAD_APPROVES_COMPLETION_REPORT,
          CampaignDriver.HEAD_APPROVES);
      submit("office", CampaignModel.RectificationItem.VERIFY, Map.of("verificationDecision", "verified"));
    }
    submit("office", CampaignModel.Campaign.CONCLUDE_RECTIFICATION_PHASE, Map.of("phaseReviewNote", "两个问题均已销号。"));

    // phase 4, on its date
    jobs.dayOf(code, CampaignModel.CONSOLIDATION_START);
    for (String department : DEPARTMENTS) {
      submit(CampaignDriver.liaisonOf(department), CampaignModel.Consolidation.SUBMIT_SUMMARY, Map.of(
          "summaryReport", "本单位活动总结：自查自纠、调查研究、整改落实、建章立制各阶段工作均按要求完成，查找问题逐项销号，新建制度两项，服务对象满意度明显提升，机关作风明显好转。",
          "rulesMade",
          List.of(Map.of("ruleTitle", "首问负责制度", "ruleKind", "new", "ruleIssuedOn", CampaignDriver.TODAY.toString())),
          "commitmentReview", "承诺事项均已履行。"));
      submit(CampaignDriver.headOf(department), CampaignModel.Consolidation.HEAD_APPROVES_SUMMARY,
          CampaignDriver.HEAD_APPROVES);
      submit("office", CampaignModel.Consolidation.ASSESS_DEPARTMENT,
          Map.of("assessmentGrade", "excellent", "assessmentRemarks", "整改成效明显。"));
    }
    submit("office", CampaignModel.Campaign.RECORD_CAMPAIGN_CLOSING, Map.of("closedOn", CampaignDriver.TODAY.toString(),
        "closingSummary", "活动圆满结束。", "closingDocumentNumber", "示委办〔2026〕31号"));
    ClockUtil.reset();
    return code;
  }

  private void defineMeasure(String department) {
    submit(CampaignDriver.liaisonOf(department), CampaignModel.RectificationItem.DEFINE_MEASURE,
        Map.of("measure", "开展专项整治",
            "target", "群众反映的问题全部解决，建立长效机制", "responsible", CampaignDriver.liaisonNameOf(department),
            "rectificationDeadline", CampaignDriver.TODAY.plusDays(30).toString()));
  }

  /** Form values in the REST API's typed format; lists and maps become Json variables as Tasklist sends them. */
  public static String form(Map<String, Object> values) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    values.forEach((name, value) -> {
      ObjectNode dto = variables.putObject(name);
      if (value instanceof List<?> || value instanceof Map<?, ?> || value instanceof JsonNode) {
        dto.put("type", "Json").put("value", JSON.valueToTree(value).toString());
      } else if (value instanceof Integer i) {
        dto.put("type", "Integer").put("value", i);
      } else if (value instanceof Boolean b) {
        dto.put("type", "Boolean").put("value", b);
      } else {
        dto.put("type", "String").put("value", (String) value);
      }
    });
    return root.toString();
  }

  /** The one open task of this kind the user can see in this campaign. */
  public String task(String user, String taskDefinitionKey) {
    JsonNode tasks = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + taskDefinitionKey).json();
    assertThat(tasks).as(user + " sees " + taskDefinitionKey).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private void submit(String user, String taskDefinitionKey, Map<String, Object> values) {
    String taskId = task(user, taskDefinitionKey);
    JsonNode current = rest.get(user, "/engine-rest/task/" + taskId).json();
    if (current.path("assignee").isNull()) {
      assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").status())
          .isEqualTo(204);
    }
    var reply = rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
    assertThat(reply.status()).as(user + " submits " + taskDefinitionKey + ": " + reply.body()).isEqualTo(204);
    jobs.runJobs();
    everyDepartmentSeesOnlyItsOwnTasks();
  }

  /** A Json variable as the form reads it (GET .../variables/{name}, not deserialized). */
  private ArrayNode jsonVariable(String user, String taskId, String name) {
    var reply = rest.get(user, "/engine-rest/task/" + taskId + "/variables/" + name + "?deserializeValue=false");
    assertThat(reply.status()).isEqualTo(200);
    try {
      return (ArrayNode) JSON.readTree(reply.json().path("value").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void everyDepartmentSeesOnlyItsOwnTasks() {
    for (String department : DEPARTMENTS) {
      String short_ = department.replaceFirst("^dept-", "");
      for (String user : List.of(short_ + "-liaison", short_ + "-head")) {
        for (JsonNode visible : rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + code).json()) {
          String taskId = visible.path("id").asText();
          List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
          assertThat(user.equals(visible.path("assignee").asText())
              || links.stream().anyMatch(link -> department.equals(link.getGroupId())))
              .as(user + " may see task " + visible.path("name").asText()).isTrue();
        }
      }
    }
  }

}
