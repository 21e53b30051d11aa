package cn.gov.county.campaign.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client that bypasses the form still meets the form's rules, on the server. */
@CampaignIntegrationTest
class FormSubmissionTest {

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

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    task = CampaignRest.requestInformation(runtimeService, taskService, "dept-finance", "表单校验测试");
    taskService.claim(task.getId(), "finance-liaison");
  }

  private static Map<String, Object> validReport() {
    return CampaignRest.informationReport();
  }

  private void assertNothingStored() {
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).as("task still open").isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("report").count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("contactPhone").count()).isZero();
  }

  @Test
  void rejectsBadInputWith400NamingTheFields_andKeepsTheTaskOpen() {
    // given
    Map<String, Object> report = validReport();
    report.put("report", "太短");
    report.put("contactPhone", "12345");
    report.remove("contactPerson");
    // when
    var reply = rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/complete",
        CampaignRest.variables(report));
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("type").asText()).isEqualTo("FormValidationException");
    assertThat(reply.json().path("message").asText())
        .contains("「报送内容」至少应有 10 个字", "「联系人」为必填项", "「联系电话」格式不正确");
    assertThat(reply.json().path("violations").findValuesAsText("field"))
        .containsExactly("report", "contactPerson", "contactPhone");
    assertNothingStored();
  }

  @Test
  void rejectsAStringOverTheEnginesLimitWith400_insteadOfAServerError() {
    // given
    Map<String, Object> report = validReport();
    report.put("report", "自查情况".repeat(1001));
    // when
    var reply = rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/submit-form",
        CampaignRest.variables(report));
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("「报送内容」内容过长：最多 4000 字");
    assertNothingStored();
  }

  @Test
  void rejectsVariablesOutsideTheForm() {
    // given: the department tries to move the next step to another department
    Map<String, Object> report = validReport();
    report.put("department", "dept-market");
    // when
    var reply = rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/complete",
        CampaignRest.variables(report));
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("「department」不是本表单的填报项");
    assertNothingStored();
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), CampaignModel.DEPARTMENT))
        .isEqualTo("dept-finance");
  }

  @Test
  void acceptsAValidSubmission() {
    // when
    var reply = rest.post("finance-liaison", "/engine-rest/task/" + task.getId() + "/complete",
        CampaignRest.variables(validReport()));
    // then
    assertThat(reply.status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "contactPhone")).isEqualTo("0571-87654321");
  }

  @Test
  void checksTheStartFormToo() {
    // when
    var reply = rest.post("office", "/engine-rest/process-definition/key/" + RequestModel.PROCESS + "/start",
        CampaignRest.variables(Map.of("department", "dept-unknown", "subject", "测试", "dueDate", "2020-01-01")));
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText())
        .contains("「报送单位」的取值“dept-unknown”不是可选项之一", "「报送要求」为必填项", "「报送时限」不能早于今天");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals(CampaignModel.DEPARTMENT, "dept-unknown")
        .count())
        .isZero();
  }

  @Test
  void rejectsBadInputThroughTheTasklistApiAsWell() throws Exception {
    // given: a Tasklist session (cookie + CSRF token), as the browser has it
    TasklistSession browser = TasklistSession.login(port, "finance-liaison");
    Map<String, Object> report = validReport();
    report.put("problemCount", -1);
    // when
    var reply = browser.post(TasklistSession.ENGINE_API + "/task/" + task.getId() + "/submit-form",
        CampaignRest.variables(report));
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("「发现问题数（个）」不能小于 0");
    assertNothingStored();
  }
}
