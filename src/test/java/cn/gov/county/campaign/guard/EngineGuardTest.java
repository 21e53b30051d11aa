package cn.gov.county.campaign.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.EscalationModel;
import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The doors a department, the office or an auditor would try with the REST API documentation in
 * hand, each refused with a Chinese message and nothing changed: ids and keys encoded or with path
 * parameters on both API roots, BPMN errors and escalations, starts in the middle of a process, a
 * message start, work sent to the auditors, tasks handed to another unit, variables written
 * directly, comments and attachments written by auditors or read by id.
 */
@CampaignIntegrationTest
class EngineGuardTest {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  private CampaignRest rest;
  private Task task;
  private String subject;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    subject = "门禁测试 " + UUID.randomUUID();
    task = CampaignRest.requestInformation(runtimeService, taskService, "dept-finance", subject);
    taskService.claim(task.getId(), "finance-liaison");
  }

  private static Map<String, Object> validReport() {
    return CampaignRest.informationReport();
  }

  /** The liaison's attempt to send its next step to another department and to move its deadline. */
  private static String rewrite() {
    Map<String, Object> report = validReport();
    report.put("department", "dept-market");
    report.put("dueDate", "2099-12-31");
    return CampaignRest.variables(report);
  }

  private void assertTaskUntouched() {
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).as("task still open").isNotNull();
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), CampaignModel.DEPARTMENT))
        .isEqualTo("dept-finance");
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("report").count()).isZero();
  }

  /** The task id with its first character percent-encoded, twice-encoded, or with a path parameter. */
  private String disguise(String how) {
    String id = task.getId();
    String encoded = "%" + Integer.toHexString(id.charAt(0)).toUpperCase() + id.substring(1);
    return switch (how) {
      case "encoded" -> "/task/" + encoded;
      case "double-encoded" -> "/task/" + encoded.replace("%", "%25");
      case "matrix-on-id" -> "/task/" + id + ";x=1";
      case "matrix-on-collection" -> "/task;x=1/" + id;
      case "double-slash" -> "//task/" + id;
      default -> throw new IllegalArgumentException(how);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"encoded", "double-encoded", "matrix-on-id", "matrix-on-collection", "double-slash"})
  void aDisguisedTaskIdStillMeetsTheForm_onEngineRest(String how) {
    // when
    var reply = rest.post("finance-liaison", "/engine-rest" + disguise(how) + "/complete", rewrite());
    // then: checked as any completion (or, twice encoded, no such task), never completed unchecked
    if (how.equals("double-encoded")) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().path("message").asText()).contains("找不到该任务");
    } else if (how.equals("double-slash")) {
      assertThat(reply.status()).as("no resource answers it").isEqualTo(404);
    } else {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.json().path("message").asText()).contains("「department」不是本表单的填报项", "「dueDate」不是本表单的填报项");
    }
    assertTaskUntouched();
  }

  @ParameterizedTest
  @ValueSource(strings = {"encoded", "double-encoded", "matrix-on-id"})
  void aDisguisedTaskIdStillMeetsTheForm_throughTheTasklistApi(String how) {
    // given
    TasklistSession browser = TasklistSession.login(port, "finance-liaison");
    // when
    var reply = browser.post(TasklistSession.ENGINE_API + disguise(how) + "/submit-form", rewrite());
    // then
    assertThat(reply.status()).as(reply.body()).isEqualTo(how.equals("double-encoded") ? 404 : 400);
    assertThat(reply.body()).contains(how.equals("double-encoded") ? "找不到该任务" : "「department」不是本表单的填报项");
    assertTaskUntouched();
  }

  @Test
  void anEncodedProcessKeyStillMeetsTheStartForm() {
    // when: the office starts an information request for the auditors, key disguised
    var reply = rest.post("office", "/engine-rest/process-definition/key/%49nformationRequestProcess/start",
        CampaignRest.variables(Map.of("department", "auditors", "subject", subject,
            "requestContent", "请报送本单位落实情况。", "dueDate", "2099-12-31")));
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("「报送单位」的取值“auditors”不是可选项之一");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals(RequestModel.SUBJECT, subject).count())
        .isOne();
  }

  @Test
  void aValidCompletionThroughAnEncodedIdIsCheckedAndAccepted() {
    // when
    var reply = rest.post("finance-liaison", "/engine-rest" + disguise("encoded") + "/complete",
        CampaignRest.variables(validReport()));
    // then: the same rules, not a different path
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "report"))
        .isEqualTo(validReport().get("report"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpmnError", "bpmnEscalation"})
  void aDepartmentCannotEndItsTaskWithABpmnErrorOrEscalation(String operation) {
    // when
    var reply = rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/" + operation,
        "{\"errorCode\":\"done\",\"escalationCode\":\"done\",\"variables\":{\"department\":{\"value\":\"dept-market\"}}}");
    // then
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("message").asText()).contains("任务只能按表单办理");
    assertTaskUntouched();
  }

  @Test
  void anUnhandledBpmnErrorFailsLoudlyEvenForTheAdministrator() {
    // when
    var reply = rest.post("admin", "/engine-rest/task/" + task.getId() + "/bpmnError",
        "{\"errorCode\":\"nobody-catches-this\"}");
    // then: an error, and the instance goes on
    assertThat(reply.status()).isGreaterThanOrEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count())
        .isOne();
    assertTaskUntouched();
  }

  @Test
  void theOfficeCannotStartInTheMiddleOfAProcess() {
    // when: straight to the office's review, skipping the department's report
    var reply = rest.post("office", "/engine-rest/process-definition/key/" + RequestModel.PROCESS + "/start",
        "{\"variables\":{\"department\":{\"value\":\"dept-finance\"},\"subject\":{\"value\":\"" + subject + "-跳步\"}},"
            + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
            + RequestModel.REVIEW_INFORMATION + "\","
            + "\"variables\":{\"report\":{\"value\":\"已完成\"}}}]}");
    // then
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("message").asText()).contains("流程只能从开始事件发起");
    assertThat(
        runtimeService.createProcessInstanceQuery().variableValueEquals(RequestModel.SUBJECT, subject + "-跳步").count())
        .isZero();
  }

  @Test
  void noUserStartsAProcessByMessage() {
    // when: the office starts a supervision ladder against a department by its start message
    var reply = rest.post("office", "/engine-rest/message",
        "{\"messageName\":\"SurveyConsequenceConfirmed\",\"businessKey\":\"" + subject + "\","
            + "\"processVariables\":{\"department\":{\"value\":\"dept-finance\"},\"step\":{\"value\":\"ADMONISHMENT_TALK\"}}}");
    // then
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("message").asText()).contains("消息、信号和条件事件只由系统内部触发");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(subject).count()).isZero();
  }

  @Test
  void aProcessWithoutAStartFormIsNotStartedByHand() {
    // when
    var reply = rest.post("office", "/engine-rest/process-definition/key/" + EscalationModel.PROCESS + "/start",
        "{\"businessKey\":\"" + subject + "\",\"variables\":{\"department\":{\"value\":\"dept-finance\"}}}");
    // then
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().path("message").asText()).contains("由系统自动发起，不能手工启动");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(subject).count()).isZero();
  }

  @Test
  void noTaskGoesToTheAuditorsWhateverStartsIt() {
    // when: even the system (no user, no form) starts a request for the auditors' group
    // then
    assertThatThrownBy(() -> CampaignRest.requestInformation(runtimeService, taskService, "auditors", subject + "-审计"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("审计人员只查阅记录，不能承办任务");
    assertThat(
        runtimeService.createProcessInstanceQuery().variableValueEquals(RequestModel.SUBJECT, subject + "-审计").count())
        .isZero();
  }

  @Test
  void theOfficeCannotHandADepartmentsTaskToAnotherUnitOrToAnAuditor() {
    // when
    var toMarket = rest.post("office", "/engine-rest/task/" + task.getId() + "/assignee",
        "{\"userId\":\"market-liaison\"}");
    var toAuditor = rest.post("office", "/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"auditor\"}");
    var newCandidates = rest.post("office", "/engine-rest/task/" + task.getId() + "/identity-links",
        "{\"groupId\":\"dept-market\",\"type\":\"candidate\"}");
    var withinTheUnit = rest.post("office", "/engine-rest/task/" + task.getId() + "/assignee",
        "{\"userId\":\"finance-head\"}");
    // then
    assertThat(toMarket.status()).isEqualTo(403);
    assertThat(toMarket.json().path("message").asText()).contains("任务只能交给承办单位的人员办理");
    assertThat(toAuditor.status()).isEqualTo(403);
    assertThat(toAuditor.json().path("message").asText()).contains("审计人员只查阅记录");
    assertThat(newCandidates.status()).isEqualTo(403);
    assertThat(newCandidates.json().path("message").asText()).contains("不能增删候选人");
    assertThat(withinTheUnit.status()).as(withinTheUnit.body()).isEqualTo(204);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .noneMatch(link -> "dept-market".equals(link.getGroupId()));
  }

  @Test
  void nobodyButTheAdministratorWritesVariablesOrChangesTasksDirectly() {
    // when
    var liaison = rest.put("finance-liaison", "/engine-rest/task/" + task.getId() + "/variables/department",
        "{\"value\":\"dept-market\",\"type\":\"String\"}");
    var office = rest.post("office", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables",
        "{\"modifications\":{\"dueDate\":{\"value\":\"2099-12-31\",\"type\":\"String\"}}}");
    var deadline = rest.put("finance-liaison", "/engine-rest/task/" + task.getId(),
        "{\"name\":\"已办结\",\"due\":\"2099-12-31T00:00:00.000+0800\"}");
    var standalone = rest.post("finance-liaison", "/engine-rest/task/create", "{\"name\":\"自建任务\"}");
    // then
    assertThat(liaison.status()).isEqualTo(403);
    assertThat(office.status()).isEqualTo(403);
    assertThat(deadline.status()).isEqualTo(403);
    assertThat(standalone.status()).isEqualTo(403);
    Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(now.getName()).isEqualTo(task.getName());
    assertThat(now.getDueDate()).isEqualTo(task.getDueDate());
    assertThat(taskService.createTaskQuery().taskName("自建任务").count()).isZero();
    assertTaskUntouched();
  }

  @Test
  void auditorsReadCommentsAndAttachmentsButNeverWriteThem() {
    // given: the department reports; the administrator comments on its review, the office attaches a file (they may)
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/complete",
        CampaignRest.variables(validReport())).status()).isEqualTo(204);
    Task review = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    var comment = rest.post("admin", "/engine-rest/task/" + review.getId() + "/comment/create",
        "{\"message\":\"材料不全，待补充\"}");
    assertThat(comment.status()).as(comment.body()).isEqualTo(200);
    var attached = multipart("office", "/engine-rest/task/" + review.getId() + "/attachment/create", "审核意见.txt",
        "办公室内部审核意见：材料不全。");
    assertThat(attached.status()).as(attached.body()).isEqualTo(200);
    String attachmentId = attached.json().path("id").asText();
    String data = "/engine-rest/task/" + review.getId() + "/attachment/" + attachmentId + "/data";

    // when
    var auditorComment = rest.post("auditor", "/engine-rest/task/" + review.getId() + "/comment/create",
        "{\"message\":\"审计意见\"}");
    var auditorAttachment = multipart("auditor", "/engine-rest/task/" + review.getId() + "/attachment/create", "审计.txt",
        "审计");
    var auditorDeletes = rest.delete("auditor", "/engine-rest/task/" + review.getId() + "/attachment/" + attachmentId);
    var auditorReadsComments = rest.get("auditor", "/engine-rest/task/" + review.getId() + "/comment");
    var auditorReadsData = rest.get("auditor", data);
    var otherDepartment = rest.get("market-liaison", data);
    var sameDepartment = rest.get("finance-liaison", data);
    var otherDepartmentComments = rest.get("market-liaison", "/engine-rest/task/" + review.getId() + "/comment");

    // then
    assertThat(auditorComment.status()).isEqualTo(403);
    assertThat(auditorComment.json().path("message").asText()).contains("审计人员只能查阅");
    assertThat(auditorAttachment.status()).isEqualTo(403);
    assertThat(auditorDeletes.status()).isEqualTo(403);
    assertThat(auditorReadsComments.status()).isEqualTo(200);
    assertThat(auditorReadsComments.body()).contains("材料不全，待补充");
    assertThat(auditorReadsData.status()).isEqualTo(200);
    assertThat(auditorReadsData.body()).contains("材料不全");
    for (var departmentRead : java.util.List.of(otherDepartment, sameDepartment)) {
      assertThat(departmentRead.status()).isEqualTo(403);
      assertThat(departmentRead.body()).doesNotContain("材料不全").contains("无权查看");
    }
    // the REST API's own history check refuses this one before the engine is asked
    assertThat(otherDepartmentComments.status()).isBetween(400, 404);
    assertThat(otherDepartmentComments.body()).doesNotContain("材料不全");
    assertThat(taskService.getTaskComments(review.getId())).extracting("fullMessage").containsExactly("材料不全，待补充");
    assertThat(taskService.getTaskAttachments(review.getId())).extracting("id").containsExactly(attachmentId);
  }

  /**
   * Tasklist offers 添加备注 to administrators only (a unit's or the office's word on a task belongs
   * in its form, which the record and the export show); both API roots refuse everybody else in Chinese.
   */
  @Test
  void onlyTheAdministratorAddsComments_onBothApiRoots() {
    // given
    String create = "/task/" + task.getId() + "/comment/create";
    String body = "{\"message\":\"已经按要求整改\"}";
    // when
    var liaisonRest = rest.post("finance-liaison", "/engine-rest" + create, body);
    var liaisonTasklist = TasklistSession.login(port, "finance-liaison").post(TasklistSession.ENGINE_API + create,
        body);
    var liaisonEncoded = rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/%63omment/create", body);
    var officeRest = rest.post("office", "/engine-rest" + create, body);
    var officeTasklist = TasklistSession.login(port, "office").post(TasklistSession.ENGINE_API + create, body);
    var auditorTasklist = TasklistSession.login(port, "auditor").post(TasklistSession.ENGINE_API + create, body);
    // then
    for (var refused : java.util.List.of(liaisonRest, liaisonTasklist, liaisonEncoded, officeRest, officeTasklist)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.json().path("message").asText()).contains("备注功能只限系统管理员使用", "任务表单");
      assertThat(refused.body()).doesNotContain("No task found");
    }
    assertThat(auditorTasklist.status()).isEqualTo(403);
    assertThat(auditorTasklist.json().path("message").asText()).contains("审计人员只能查阅");
    assertThat(taskService.getTaskComments(task.getId())).isEmpty();

    // when: the administrator
    var admin = rest.post("admin", "/engine-rest" + create, body);
    // then
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(taskService.getTaskComments(task.getId())).extracting("fullMessage").containsExactly("已经按要求整改");
  }

  /** What Cockpit sends when the auditor presses delete, suspend or retry: refused, and in Chinese. */
  @Test
  void cockpitsRawActionsAreRefusedToTheAuditorInChinese() {
    // given
    String instance = task.getProcessInstanceId();
    TasklistSession auditor = TasklistSession.login(port, "auditor");
    // when
    var delete = auditor.send("DELETE", TasklistSession.ENGINE_API + "/process-instance/" + instance, null, null,
        "X-XSRF-TOKEN", auditor.xsrf());
    var suspend = auditor.send("PUT", TasklistSession.ENGINE_API + "/process-instance/" + instance + "/suspended",
        "application/json", "{\"suspended\":true}".getBytes(StandardCharsets.UTF_8), "X-XSRF-TOKEN", auditor.xsrf());
    var deleteRest = rest.delete("auditor", "/engine-rest/process-instance/" + instance);
    var officeSuspend = rest.put("office", "/engine-rest/process-instance/" + instance + "/suspended",
        "{\"suspended\":true}");
    // then
    for (var refused : java.util.List.of(delete, suspend, deleteRest, officeSuspend)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.json().path("message").asText()).startsWith("您没有执行此操作的权限").contains("流程实例");
      assertThat(refused.body()).doesNotContain("The user with id");
    }
    assertThat(delete.json().path("message").asText()).contains("「删除」权限");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
  }

  /** An attachment upload as the REST API takes it (multipart/form-data). */
  private CampaignRest.Reply multipart(String user, String path, String name, String content) {
    return rest.multipart(user, path, Map.of("attachment-name", name, "attachment-type", "text/plain"), "content",
        "file.txt", "text/plain", content.getBytes(StandardCharsets.UTF_8));
  }
}
