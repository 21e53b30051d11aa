package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import cn.gov.county.campaign.CampaignIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department liaison does an information request task in the real Tasklist, in headless
 * Chromium set to Chinese: Chinese login page, the task in the list, the Camunda Form with its
 * Chinese labels, claim, a wrong phone number stopped in the browser, then completion; the
 * engine's history must show what the liaison submitted.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (and {@code fonts-noto-cjk} for
 * readable screenshots), installed by {@code src/test/setup/install-test-tools.sh}, which Maven
 * runs before the tests. Without them the test is skipped with the reason, and fails when
 * {@code CI=true}. Selenium never downloads a browser or driver: both paths are given.
 *
 * <p>Tasklist quirks handled here: the login form has no ids (found by {@code ng-model}); the
 * translations load after the page, so texts are awaited; form-js gives inputs generated ids
 * ending in {@code -Field_<key>} (radios and checklist options add {@code -<index>}) and no
 * names; {@code clear()} on a form-js field can wipe the keys typed after it (see
 * {@link #type}); Complete stays disabled until the task is claimed; the page footer covers the
 * bottom of the form, so elements are scrolled to the middle before clicking.
 *
 * <p>Each step's screenshot and page source go to {@code target/screenshots/}.
 */
@CampaignIntegrationTest
class TasklistBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The Chinese Tasklist translation, where the application serves it from. */
  private static final String TASKLIST_ZH = "META-INF/resources/webjars/camunda/app/tasklist/locales/zh.json";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final By LOGIN_USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  private static final By LOGIN_PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
  private static final By LOGIN_BUTTON = By.cssSelector("form[name=signinForm] button[type=submit]");
  private static final By CLAIM_BUTTON = By.cssSelector("button.claim");
  private static final By UNCLAIM_BUTTON = By.cssSelector("button.unclaim");
  private static final By COMPLETE_BUTTON = By.cssSelector("button[ng-click='complete()']");
  private static final By FORM = By.cssSelector(".fjs-form");

  /** Labels of the Chinese Tasklist translation. */
  private static Map<String, String> zh;

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

  private ChromeDriverService driverService;
  private WebDriver driver;
  private Path userDataDir;
  private int step;

  /** On a failure, keep what the browser showed last (target/screenshots/NN-FAILED.*). */
  @RegisterExtension
  final TestExecutionExceptionHandler keepPageOnFailure = (context, throwable) -> {
    if (driver != null) {
      try {
        capture("FAILED");
      } catch (RuntimeException e) {
        throwable.addSuppressed(e);
      }
    }
    throw throwable;
  };

  /**
   * In CI a missing browser fails at once, before the Spring context starts; elsewhere the test
   * is skipped in {@link #startBrowser()}, so that the skip and its reason are reported.
   */
  @BeforeAll
  static void requireBrowserInCiAndChineseTranslation() throws IOException {
    String missing = missingBrowser();
    if (missing != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(missing);
      }
      return;
    }
    zh = tasklistTranslation();
  }

  @BeforeEach
  void startBrowser() throws IOException {
    String missing = missingBrowser();
    if (missing != null) {
      System.out.println("SKIPPED TasklistBrowserTest: " + missing);
      Assumptions.assumeTrue(false, missing);
    }
    Files.createDirectories(SCREENSHOTS);
    userDataDir = Files.createTempDirectory("tasklist-chromium-");
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        // this machine's closed network: no background connections, a fresh profile
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir,
        "--window-size=1400,1000",
        // a Chinese browser: navigator.language(s) and Accept-Language
        "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    driver = new ChromeDriver(driverService, options);
  }

  /** Why the browser cannot run, or null when Chromium and ChromeDriver are there. */
  private static String missingBrowser() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (Debian package chromium)");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
    }
    return missing.isEmpty() ? null : "Browser missing: " + String.join(", ", missing)
        + ". Install them with src/test/setup/install-test-tools.sh as root (mvn test runs it).";
  }

  @AfterEach
  void quitBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (driverService != null) {
      driverService.stop();
      driverService = null;
    }
    if (userDataDir != null) {
      try (Stream<Path> files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
      userDataDir = null;
    }
    identityService.clearAuthentication();
  }

  @Test
  void departmentLiaisonCompletesTaskInChineseTasklist() {
    // given: the office asks the finance bureau for a report
    String subject = "一季度预算执行情况自查 " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = startInformationRequest(subject, LocalDate.now().plusDays(2).toString());
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("UserTask_SubmitInformation").singleResult();
    assertThat(task.getName()).isEqualTo("报送情况");

    // when: the finance liaison opens Tasklist in a Chinese browser
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");

    // then: the login page is in Chinese
    String logIn = zh.get("PAGE_LOGIN_SIGN_IN_ACTION");
    await("login button labelled '" + logIn + "' (zh.json)", d -> logIn.equals(textOf(LOGIN_BUTTON)));
    capture("login-page");
    assertThat(driver.findElement(LOGIN_USERNAME).getAttribute("placeholder")).isEqualTo(zh.get("PAGE_LOGIN_USERNAME"));
    assertThat(driver.findElement(LOGIN_PASSWORD).getAttribute("placeholder")).isEqualTo(zh.get("PAGE_LOGIN_PASSWORD"));

    // when: the liaison logs in
    driver.findElement(LOGIN_USERNAME).sendKeys("finance-liaison");
    driver.findElement(LOGIN_PASSWORD).sendKeys("finance-liaison");
    driver.findElement(LOGIN_BUTTON).click();

    // then: the task is in the list
    By listEntry = By.cssSelector("a[href*='task=" + task.getId() + "']");
    await("task " + task.getId() + " in the task list", d -> visible(listEntry));
    capture("task-list");
    assertThat(driver.findElement(listEntry).getText()).contains("报送情况");

    // when: the liaison opens it
    click(listEntry);

    // then: the form shows the request and Chinese labels, and Complete waits for a claim
    await("the task form", d -> visible(field("report")));
    await("the request subject in the form", d -> textOf(FORM).contains(subject));
    capture("task-form");
    assertThat(textOf(FORM)).contains("落实情况", "报送内容", "发现问题数", "联系人", "联系电话");
    assertThat(driver.findElement(COMPLETE_BUTTON).isEnabled()).as("Complete before claiming").isFalse();

    // when: the liaison claims the task
    String claim = zh.get("CLAIM_TASK");
    await("claim button labelled '" + claim + "' (zh.json)", d -> claim.equals(textOf(CLAIM_BUTTON)));
    click(CLAIM_BUTTON);

    // then: it is the liaison's
    await("the task claimed (unclaim button)", d -> visible(UNCLAIM_BUTTON));
    await("the form after claiming", d -> visible(field("report")));
    capture("claimed");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("finance-liaison");

    // when: the liaison fills the form with an invalid phone number
    String report = "已对本局一季度预算执行情况开展自查，发现两个问题，已立行立改并建立台账，下一步完善制度。";
    click(option("completionStatus", 0));
    type("report", report);
    click(option("measures", 0));
    type("problemCount", "2");
    type("contactPerson", "王敏");
    type("contactPhone", "12345");
    click(field("contactPerson")); // leave the phone field

    // then: the browser shows a message at the phone field and Complete stays disabled
    By phoneError = By.cssSelector("[id$='-Field_contactPhone-error-message']");
    await("a validation message at the phone field", d -> !textOf(phoneError).isBlank());
    // form-js writes "Field must match pattern ^(1[3-9]..." in English; our Tasklist script puts it in Chinese
    await("the phone message in Chinese", d -> textOf(phoneError).contains("格式不正确"));
    scrollIntoView(driver.findElement(COMPLETE_BUTTON));
    capture("invalid-phone");
    assertThat(driver.findElement(field("contactPhone")).getDomProperty("value")).isEqualTo("12345");
    assertThat(driver.findElement(field("contactPhone")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(textOf(COMPLETE_BUTTON)).isEqualTo(zh.get("COMPLETE"));
    assertThat(driver.findElement(COMPLETE_BUTTON).isEnabled()).as("Complete with an invalid phone").isFalse();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    // when: the liaison corrects the phone number and completes the task
    String phone = "0571-87654321";
    type("contactPhone", phone);
    click(field("contactPerson"));
    await("the phone message gone", ExpectedConditions.invisibilityOfElementLocated(phoneError));
    await("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    capture("valid-form");
    click(COMPLETE_BUTTON);

    // then: the task leaves the list ...
    await("the task gone from the list", ExpectedConditions.invisibilityOfElementLocated(listEntry));
    capture("completed");

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
    assertThat(review.getTaskDefinitionKey()).isEqualTo("UserTask_ReviewInformation");
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
        .processDefinitionKey("InformationRequestProcess").latestVersion().singleResult().getId();
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

  /** A form-js input: its generated id ends in -Field_&lt;key&gt; (the form's component ids). */
  private static By field(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']");
  }

  /** One option of a radio group or checklist: -Field_&lt;key&gt;-&lt;index&gt;. */
  private static By option(String key, int index) {
    return By.cssSelector("[id$='-Field_" + key + "-" + index + "']");
  }

  private <T> T await(String what, Function<WebDriver, T> condition) {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class).withMessage("waiting for " + what);
    return wait.until(condition);
  }

  private void click(By by) {
    WebElement element = await(by + " clickable", ExpectedConditions.elementToBeClickable(by));
    scrollIntoView(element);
    element.click();
  }

  /**
   * Replaces a form field's text. Not with {@code clear()}: form-js re-renders the emptied field
   * after a delay, which can wipe the keys typed next. Select-all plus typing replaces the text in
   * one go; then the field must show exactly the text.
   */
  private void type(String key, String text) {
    WebElement input = await(key + " editable", ExpectedConditions.elementToBeClickable(field(key)));
    scrollIntoView(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    await(key + " showing '" + text + "'", d -> text.equals(driver.findElement(field(key)).getDomProperty("value")));
  }

  /** To the middle of the view: the page footer covers the bottom edge of the task form. */
  private void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** The first visible match, or null. */
  private WebElement visible(By by) {
    return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
  }

  /** Text of the first visible match, stripped; "" when there is none. */
  private String textOf(By by) {
    WebElement element = visible(by);
    return element == null ? "" : element.getText().strip();
  }

  /** Saves a screenshot and the page source as target/screenshots/NN-name.{png,html}. */
  private void capture(String name) {
    String base = String.format("%02d-%s", ++step, name);
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(base + ".png"), png);
      Files.writeString(SCREENSHOTS.resolve(base + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save " + base, e);
    }
  }

  /** The labels of the Chinese Tasklist translation (with or without a byte order mark). */
  private static Map<String, String> tasklistTranslation() throws IOException {
    try (InputStream in = TasklistBrowserTest.class.getClassLoader().getResourceAsStream(TASKLIST_ZH)) {
      if (in == null) {
        fail("Chinese Tasklist translation missing: classpath:" + TASKLIST_ZH
            + " (src/main/resources/" + TASKLIST_ZH + ")");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      Map<String, String> labels = new HashMap<>();
      new ObjectMapper().readTree(text).path("labels").fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      for (String key : List.of("PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD", "PAGE_LOGIN_SIGN_IN_ACTION",
          "CLAIM_TASK", "COMPLETE")) {
        assertThat(labels.get(key)).as("Chinese label %s in %s", key, TASKLIST_ZH)
            .isNotBlank().matches(".*\\p{IsHan}.*");
      }
      return labels;
    }
  }
}
