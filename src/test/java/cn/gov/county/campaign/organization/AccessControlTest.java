package cn.gov.county.campaign.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Departments are kept apart; the office sees all campaign work; auditors read and never write. */
@CampaignIntegrationTest
class AccessControlTest {

  @LocalServerPort
  int port;

  @Autowired
  AuthorizationService authorizations;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  private CampaignRest rest;
  private Task financeTask;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    financeTask = CampaignRest.requestInformation(runtimeService, taskService, "dept-finance", "访问控制测试");
  }

  private static final String VALID_REPORT = CampaignRest.variables(Map.of(
      "completionStatus", "completed",
      "report", "本单位已按要求落实，未发现新的问题。",
      "problemCount", 0,
      "contactPerson", "何静",
      "contactPhone", "13800138000"));

  @Test
  void everybodyUsesTasklistThroughOneGlobalGrant_notOneGrantPerDepartment() {
    // a liaison logs in to Tasklist and sees who people are, with no grant of its department's own
    assertThat(rest.get("finance-liaison", "/engine-rest/user?id=office").json().findValuesAsText("id"))
        .containsExactly("office");
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("dept-finance")
        .resourceType(Resources.USER).resourceId(Authorization.ANY).count()).isZero();
    // so a task query's check of the grants on "*" does not grow with the number of departments
    assertThat(authorizations.createAuthorizationQuery().resourceId(Authorization.ANY).list())
        .extracting(Authorization::getGroupId).noneMatch(group -> group != null && group.startsWith("dept-"));
  }

  @Test
  void departmentSeesOnlyItsOwnTasks() {
    // when
    var market = rest.get("market-liaison",
        "/engine-rest/task?processInstanceId=" + financeTask.getProcessInstanceId());
    var finance = rest.get("finance-liaison",
        "/engine-rest/task?processInstanceId=" + financeTask.getProcessInstanceId());
    // then
    assertThat(market.json()).isEmpty();
    assertThat(finance.json()).hasSize(1);
    assertThat(finance.json().get(0).path("name").asText()).isEqualTo("报送情况");
  }

  @Test
  void departmentCannotReadAnotherDepartmentsTaskOrItsVariables() {
    // when
    var task = rest.get("market-liaison", "/engine-rest/task/" + financeTask.getId());
    var taskVariables = rest.get("market-liaison", "/engine-rest/task/" + financeTask.getId() + "/variables");
    var instanceVariables = rest.get("market-liaison",
        "/engine-rest/process-instance/" + financeTask.getProcessInstanceId() + "/variables");
    var form = rest.get("market-liaison", "/engine-rest/task/" + financeTask.getId() + "/form-variables");
    // then
    assertThat(task.status()).isIn(403, 404);
    assertThat(taskVariables.status()).isIn(403, 404);
    assertThat(instanceVariables.status()).isIn(403, 404);
    assertThat(form.status()).isIn(403, 404);
    assertThat(taskVariables.body()).doesNotContain("访问控制测试");
  }

  @Test
  void departmentCannotCompleteOrClaimAnotherDepartmentsTask() {
    // when
    var complete = rest.post("market-liaison", "/engine-rest/task/" + financeTask.getId() + "/complete", VALID_REPORT);
    var submit = rest.post("market-liaison", "/engine-rest/task/" + financeTask.getId() + "/submit-form", VALID_REPORT);
    var claim = rest.post("market-liaison", "/engine-rest/task/" + financeTask.getId() + "/claim",
        "{\"userId\":\"market-liaison\"}");
    // then
    assertThat(complete.status()).isIn(403, 404);
    assertThat(submit.status()).isIn(403, 404);
    assertThat(claim.status()).isIn(403, 404);
    Task stillOpen = taskService.createTaskQuery().taskId(financeTask.getId()).singleResult();
    assertThat(stillOpen).isNotNull();
    assertThat(stillOpen.getAssignee()).isNull();
    assertThat(runtimeService.getVariable(financeTask.getProcessInstanceId(), "report")).isNull();
  }

  @Test
  void departmentCompletesItsOwnTask() {
    // when
    var claim = rest.post("finance-liaison", "/engine-rest/task/" + financeTask.getId() + "/claim",
        "{\"userId\":\"finance-liaison\"}");
    var submit = rest.post("finance-liaison", "/engine-rest/task/" + financeTask.getId() + "/submit-form",
        VALID_REPORT);
    // then
    assertThat(claim.status()).isEqualTo(204);
    assertThat(submit.status()).isEqualTo(204);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(financeTask.getId()).singleResult().getEndTime())
        .isNotNull();
    assertThat(
        taskService.createTaskQuery().processInstanceId(financeTask.getProcessInstanceId()).singleResult().getName())
        .isEqualTo("审核报送情况");
  }

  @Test
  void departmentCannotChangeTaskVariablesOutsideTheForm() {
    // when: TASK_WORK lets a department complete its task, not rewrite its data on the side
    var put = rest.put("finance-liaison", "/engine-rest/task/" + financeTask.getId() + "/variables/department",
        "{\"value\":\"dept-market\",\"type\":\"String\"}");
    // then
    assertThat(put.status()).isIn(403, 404);
    assertThat(runtimeService.getVariable(financeTask.getProcessInstanceId(), CampaignModel.DEPARTMENT))
        .isEqualTo("dept-finance");
  }

  @Test
  void officeSeesEveryDepartmentsTasks() {
    // given
    Task marketTask = CampaignRest.requestInformation(runtimeService, taskService, "dept-market", "办公室查看测试");
    // when
    var finance = rest.get("office", "/engine-rest/task/" + financeTask.getId());
    var market = rest.get("office", "/engine-rest/task/" + marketTask.getId() + "/variables");
    // then
    assertThat(finance.status()).isEqualTo(200);
    assertThat(market.status()).isEqualTo(200);
    assertThat(market.json().path("subject").path("value").asText()).isEqualTo("办公室查看测试");
  }

  @Test
  void officeStartsAnInformationRequestThroughTheStartForm() {
    // when
    var reply = rest.post("office", "/engine-rest/process-definition/key/" + RequestModel.PROCESS + "/submit-form",
        CampaignRest.variables(Map.of("department", "dept-education", "subject", "办公室发起测试",
            "requestContent", "请报送本单位作风建设情况。", "dueDate", "2099-01-31")));
    // then
    assertThat(reply.status()).isEqualTo(200);
    String instanceId = reply.json().path("id").asText();
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("dept-education").count())
        .isEqualTo(1);
  }

  @Test
  void departmentCannotStartProcesses() {
    // when
    var reply = rest.post("finance-liaison", "/engine-rest/process-definition/key/" + RequestModel.PROCESS + "/start",
        CampaignRest.variables(Map.of("department", "dept-finance")));
    // then
    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void auditorReadsAllHistory() {
    // given: a finished request
    taskService.complete(financeTask.getId(), Map.of("completionStatus", "completed",
        "report", "本单位已按要求落实，未发现新的问题。", "problemCount", 0, "contactPerson", "王敏",
        "contactPhone", "13800138000"));
    Task review = taskService.createTaskQuery().processInstanceId(financeTask.getProcessInstanceId()).singleResult();
    taskService.complete(review.getId(), Map.of("reviewDecision", "accepted"));
    String instance = financeTask.getProcessInstanceId();
    // when
    var processes = rest.get("auditor", "/engine-rest/history/process-instance?processInstanceId=" + instance);
    var activities = rest.get("auditor", "/engine-rest/history/activity-instance?processInstanceId=" + instance);
    var tasks = rest.get("auditor", "/engine-rest/history/task?processInstanceId=" + instance);
    var variables = rest.get("auditor", "/engine-rest/history/variable-instance?processInstanceId=" + instance);
    var details = rest.get("auditor", "/engine-rest/history/detail?processInstanceId=" + instance);
    var operations = rest.get("auditor", "/engine-rest/history/user-operation?maxResults=10");
    // then
    assertThat(processes.json()).hasSize(1);
    assertThat(processes.json().get(0).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(activities.json().findValuesAsText("activityName")).contains("报送情况", "审核报送情况", "情况报送已办结");
    assertThat(tasks.json().findValuesAsText("name")).containsExactlyInAnyOrder("报送情况", "审核报送情况");
    assertThat(variables.json().findValuesAsText("name")).contains("report", "reviewDecision", "department");
    assertThat(details.status()).isEqualTo(200);
    assertThat(operations.status()).isEqualTo(200);
  }

  @Test
  void auditorCannotWriteAnything() {
    // given
    String task = financeTask.getId();
    String instance = financeTask.getProcessInstanceId();
    // when
    var claim = rest.post("auditor", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"auditor\"}");
    var complete = rest.post("auditor", "/engine-rest/task/" + task + "/complete", VALID_REPORT);
    var setVariable = rest.put("auditor", "/engine-rest/process-instance/" + instance + "/variables/report",
        "{\"value\":\"审计员改写\",\"type\":\"String\"}");
    var deleteInstance = rest.delete("auditor", "/engine-rest/process-instance/" + instance);
    var suspend = rest.put("auditor", "/engine-rest/process-instance/" + instance + "/suspended",
        "{\"suspended\":true}");
    var start = rest.post("auditor", "/engine-rest/process-definition/key/" + RequestModel.PROCESS + "/start", "{}");
    var createUser = rest.post("auditor", "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}");
    var deleteHistory = rest.delete("auditor", "/engine-rest/history/process-instance/" + instance);
    // then
    assertThat(claim.status()).isEqualTo(403);
    assertThat(complete.status()).isEqualTo(403);
    assertThat(setVariable.status()).isEqualTo(403);
    assertThat(deleteInstance.status()).isEqualTo(403);
    assertThat(suspend.status()).isEqualTo(403);
    assertThat(start.status()).isEqualTo(403);
    assertThat(createUser.status()).isEqualTo(403);
    assertThat(deleteHistory.status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance, "report")).isNull();
  }

  @Test
  void everyGroupSeesTheChineseSharedFilters() {
    // when
    var department = rest.get("finance-liaison", "/engine-rest/filter?resourceType=Task");
    var office = rest.get("office", "/engine-rest/filter?resourceType=Task");
    // then
    assertThat(department.json().findValuesAsText("name")).contains("本部门待办", "我的待办", "即将到期", "已逾期");
    assertThat(office.json().findValuesAsText("name")).contains("本部门待办", "即将到期", "已逾期", "全部任务");
  }

  @Test
  void departmentFilterListsOnlyTheDepartmentsTasks() {
    // given
    CampaignRest.requestInformation(runtimeService, taskService, "dept-market", "过滤器测试");
    var filters = rest.get("finance-liaison", "/engine-rest/filter?resourceType=Task&name=本部门待办");
    String filterId = filters.json().get(0).path("id").asText();
    // when
    var tasks = rest.get("finance-liaison", "/engine-rest/filter/" + filterId + "/list");
    // then
    assertThat(tasks.json()).isNotEmpty();
    tasks.json().forEach(task -> assertThat(taskService.getIdentityLinksForTask(task.path("id").asText()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("dept-finance")));
  }
}
