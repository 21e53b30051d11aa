package cn.gov.county.campaign.system;

import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.FORM;
import static cn.gov.county.campaign.TasklistBrowser.LOGIN_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.LOGIN_PASSWORD;
import static cn.gov.county.campaign.TasklistBrowser.LOGIN_USERNAME;
import static cn.gov.county.campaign.TasklistBrowser.UNCLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.field;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department liaison does an information request task in the real Tasklist, in headless
 * Chromium set to Chinese: Chinese login page, the task in the list, the Camunda Form with its
 * Chinese labels, claimed on opening, a wrong phone number stopped in the browser, then completion; the
 * engine's history must show what the liaison submitted.
 *
 * <p>The browser, its requirements (skipped with the reason unless {@code CI=true}) and the
 * Tasklist quirks it handles: {@link TasklistBrowser}. Each step's screenshot and page source go
 * to {@code target/screenshots/}.
 */
@CampaignIntegrationTest
class TasklistBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("");

  @LocalServerPort
  int port;

  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void departmentLiaisonCompletesTaskInChineseTasklist() {
    // given: the office asks the finance bureau for a report
    String subject = "一季度预算执行情况自查 " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = startInformationRequest(subject, LocalDate.now().plusDays(2).toString());
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(RequestModel.SUBMIT_INFORMATION).singleResult();
    assertThat(task.getName()).isEqualTo("报送情况");

    // when: the finance liaison opens Tasklist in a Chinese browser
    WebDriver driver = browser.driver();
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");

    // then: the login page is in Chinese
    String logIn = browser.zh("PAGE_LOGIN_SIGN_IN_ACTION");
    browser.await("login button labelled '" + logIn + "' (zh.json)", d -> logIn.equals(browser.textOf(LOGIN_BUTTON)));
    browser.capture("login-page");
    assertThat(driver.findElement(LOGIN_USERNAME).getAttribute("placeholder"))
        .isEqualTo(browser.zh("PAGE_LOGIN_USERNAME"));
    assertThat(driver.findElement(LOGIN_PASSWORD).getAttribute("placeholder"))
        .isEqualTo(browser.zh("PAGE_LOGIN_PASSWORD"));

    // when: the liaison logs in
    driver.findElement(LOGIN_USERNAME).sendKeys("finance-liaison");
    driver.findElement(LOGIN_PASSWORD).sendKeys("finance-liaison");
    driver.findElement(LOGIN_BUTTON).click();

    // then: the task is his to see (Tasklist's own API, his session) and listed
    browser.await("logged in", ExpectedConditions.invisibilityOfElementLocated(LOGIN_BUTTON));
    var visible = cn.gov.county.campaign.TasklistSession.login(port, "finance-liaison")
        .get(cn.gov.county.campaign.TasklistSession.ENGINE_API + "/task?processInstanceId=" + instance.getId());
    assertThat(visible.json()).extracting(t -> t.path("name").asText()).containsExactly("报送情况");

    // when: the liaison opens it from his list
    browser.await("the task in his list", d -> browser.visible(TasklistBrowser.listEntry(task.getId())));
    browser.click(TasklistBrowser.listEntry(task.getId()));
    browser.capture("task-list");

    // then: the form shows the request and Chinese labels
    browser.await("the task form", d -> browser.visible(field("report")));
    browser.await("the request subject in the form", d -> browser.textOf(FORM).contains(subject));
    browser.capture("task-form");
    assertThat(browser.textOf(FORM)).contains("落实情况", "报送内容", "发现问题数", "联系人", "联系电话");

    // ... and the task, a candidate task of his department, is claimed for him on opening
    // (scripts/form-assist.js clicks Tasklist's own claim button)
    browser.await("the task claimed (unclaim button)", d -> browser.visible(UNCLAIM_BUTTON));
    browser.await("the form after claiming", d -> browser.visible(field("report")));
    browser.capture("claimed");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("finance-liaison");

    // when: the liaison fills the form with an invalid phone number
    String report = "已对本局一季度预算执行情况开展自查，发现两个问题，已立行立改并建立台账，下一步完善制度。";
    browser.click(option("completionStatus", 0));
    browser.type("report", report);
    browser.click(option("measures", 0));
    browser.type("problemCount", "2");
    browser.type("contactPerson", "王敏");
    browser.type("contactPhone", "12345");
    browser.click(field("contactPerson")); // leave the phone field

    // then: the browser shows a message at the phone field and Complete stays disabled
    By phoneError = By.cssSelector("[id$='-Field_contactPhone-error-message']");
    browser.await("a validation message at the phone field", d -> !browser.textOf(phoneError).isBlank());
    // form-js writes "Field must match pattern ^(1[3-9]..." in English; our Tasklist script puts it in Chinese
    browser.await("the phone message in Chinese", d -> browser.textOf(phoneError).contains("格式不正确"));
    browser.scrollIntoView(driver.findElement(COMPLETE_BUTTON));
    browser.capture("invalid-phone");
    assertThat(driver.findElement(field("contactPhone")).getDomProperty("value")).isEqualTo("12345");
    assertThat(driver.findElement(field("contactPhone")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.textOf(COMPLETE_BUTTON)).isEqualTo(browser.zh("COMPLETE"));
    assertThat(driver.findElement(COMPLETE_BUTTON).isEnabled()).as("Complete with an invalid phone").isFalse();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    // when: the liaison corrects the phone number and completes the task
    String phone = "0571-87654321";
    browser.type("contactPhone", phone);
    browser.click(field("contactPerson"));
    browser.await("the phone message gone", ExpectedConditions.invisibilityOfElementLocated(phoneError));
    browser.await("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.capture("valid-form");
    browser.click(COMPLETE_BUTTON);

    // then: the form closes (the task is done) ...
    browser.await("the task form gone", ExpectedConditions.invisibilityOfElementLocated(field("report")));
    browser.capture("completed");

    // ... it was completed by the liaison with what the liaison entered ...
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo("finance-liaison");
    UserOperationLogEntry completion = historyService.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
    assertThat(completion.getUserId()).isEqualTo("finance-liaison");
    Map<String, Object> submitted = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    assertThat(submitted).containsEntry("report", report)
        .containsEntry("contactPhone", phone)
        .containsEntry("contactPerson", "王敏")
        .containsEntry("completionStatus", "completed");
    assertThat(((Number) submitted.get("problemCount")).intValue()).isEqualTo(2);

    // ... and the office has the review task
    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(RequestModel.REVIEW_INFORMATION);
    assertThat(review.getName()).isEqualTo("审核报送情况");
    assertThat(review.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("campaign-office");
  }

  /** What the office's start form submits, as the office. */
  private ProcessInstance startInformationRequest(String subject, String dueDate) {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(RequestModel.PROCESS).latestVersion().singleResult().getId();
    identityService.setAuthentication("office", List.of("campaign-office"));
    try {
      return formService.submitStartForm(definitionId, Map.of(
          "department", "dept-finance",
          "subject", subject,
          "requestContent", "请报送本单位一季度预算执行情况自查结果，包括发现的问题和整改措施。",
          "dueDate", dueDate));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
