package cn.gov.county.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium set to Chinese, for tests that use the webapps the way a clerk does.
 * Register it in the test class as {@code @RegisterExtension static final TasklistBrowser browser
 * = new TasklistBrowser("prefix-")}: each test gets a fresh browser and profile, closed after it.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (and {@code fonts-noto-cjk} for
 * readable screenshots), installed by {@code src/test/setup/install-test-tools.sh}, which Maven
 * runs before the tests. Without them the test is skipped with the reason, and fails when
 * {@code CI=true} before the Spring context starts. Selenium never downloads a browser or
 * driver: both paths are given.
 *
 * <p>Tasklist quirks handled here: the login form has no ids (found by {@code ng-model}); the
 * translations load after the page, so texts are awaited; form-js gives inputs generated ids
 * ending in {@code -Field_<key>} (radios and checklist options add {@code -<index>}) and no
 * names; {@code clear()} on a form-js field can wipe the keys typed after it (see
 * {@link #type}); Complete stays disabled until the task is claimed; the page footer covers the
 * bottom of the form, so elements are scrolled to the middle before clicking.
 *
 * <p>{@link #capture} saves a step's screenshot and page source to {@code target/screenshots/} as
 * {@code <prefix>NN-<step>.*}, after deleting those of an earlier run; on a test failure the last
 * page is kept as {@code <prefix>NN-FAILED.*}.
 */
public final class TasklistBrowser
    implements
      BeforeAllCallback,
      BeforeEachCallback,
      AfterEachCallback,
      TestExecutionExceptionHandler {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The Chinese Tasklist translation, where the application serves it from. */
  private static final String TASKLIST_ZH = "META-INF/resources/webjars/camunda/app/tasklist/locales/zh.json";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  // generous: on 2 cores under load (a build beside the tests) the first Tasklist page of a busy shared test database takes long
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  public static final By LOGIN_USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  public static final By LOGIN_PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
  public static final By LOGIN_BUTTON = By.cssSelector("form[name=signinForm] button[type=submit]");
  public static final By CLAIM_BUTTON = By.cssSelector("button.claim");
  public static final By UNCLAIM_BUTTON = By.cssSelector("button.unclaim");
  public static final By COMPLETE_BUTTON = By.cssSelector("button[ng-click='complete()']");
  public static final By FORM = By.cssSelector(".fjs-form");
  /** An entry of an open form-js select's list. */
  public static final By DROPDOWN_ITEM = By.cssSelector(".fjs-dropdownlist-item");
  /** 启动 in Tasklist's 启动流程 dialog. */
  public static final By START_BUTTON = By.cssSelector("button[ng-click='startProcessInstance()']");

  private final String prefix;

  /** Labels of the Chinese Tasklist translation. */
  private Map<String, String> zh;
  private ChromeDriverService driverService;
  private WebDriver driver;
  private Path userDataDir;
  private int step;

  /** @param prefix starts the names of this test class's files in target/screenshots ("" for none) */
  public TasklistBrowser(String prefix) {
    this.prefix = prefix;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /**
   * In CI a missing browser fails at once, before the Spring context starts; elsewhere the test
   * is skipped in {@link #beforeEach}, so that the skip and its reason are reported.
   */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    String missing = missingBrowser();
    if (missing != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(missing);
      }
      return;
    }
    zh = tasklistTranslation();
    deleteEarlierCaptures();
  }

  /** This class's screenshots of an earlier run, so that an old FAILED page cannot mislead. */
  private void deleteEarlierCaptures() throws IOException {
    if (!Files.isDirectory(SCREENSHOTS)) {
      return;
    }
    Pattern earlier = Pattern.compile(Pattern.quote(prefix) + "\\d{2}-.*\\.(png|html)");
    try (Stream<Path> files = Files.list(SCREENSHOTS)) {
      for (Path file : files.filter(f -> earlier.matcher(f.getFileName().toString()).matches()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    String missing = missingBrowser();
    if (missing != null) {
      System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + missing);
      Assumptions.assumeTrue(false, missing);
    }
    Files.createDirectories(SCREENSHOTS);
    step = 0;
    userDataDir = Files.createTempDirectory("tasklist-chromium-");
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(SCREENSHOTS.resolve(prefix + "chromedriver.log").toFile())
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

  /** On a failure, keep what the browser showed last (target/screenshots/&lt;prefix&gt;NN-FAILED.*). */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    if (driver != null) {
      try {
        capture("FAILED");
      } catch (RuntimeException e) {
        throwable.addSuppressed(e);
      }
    }
    throw throwable;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
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
    return missing.isEmpty()
        ? null
        : "Browser missing: " + String.join(", ", missing)
            + ". Install them with src/test/setup/install-test-tools.sh as root (mvn test runs it).";
  }

  // ---- what tests use ------------------------------------------------------------------------

  public WebDriver driver() {
    return driver;
  }

  /** A label of the Chinese Tasklist translation (zh.json). */
  public String zh(String key) {
    return zh.get(key);
  }

  /**
   * Opens Tasklist, waits for the Chinese login page and logs in; returns when the login form is
   * gone.
   */
  public void logIn(int port, String user, String password) {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    String logIn = zh("PAGE_LOGIN_SIGN_IN_ACTION");
    await("login button labelled '" + logIn + "' (zh.json)", d -> logIn.equals(textOf(LOGIN_BUTTON)));
    driver.findElement(LOGIN_USERNAME).sendKeys(user);
    driver.findElement(LOGIN_PASSWORD).sendKeys(password);
    driver.findElement(LOGIN_BUTTON).click();
    await("logged in as " + user, ExpectedConditions.invisibilityOfElementLocated(LOGIN_BUTTON));
  }

  /** Opens Tasklist's 启动流程 dialog on the process's start form. */
  public void openStartForm(int port, String processKey) {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?processStart=" + processKey);
  }

  /** Opens a select's list and picks the first entry that contains the text. */
  public void pick(String key, String text) {
    click(field(key));
    await(text + " in the list of " + key, d -> d.findElements(DROPDOWN_ITEM).stream()
        .anyMatch(i -> i.getText().contains(text)));
    driver.findElements(DROPDOWN_ITEM).stream().filter(i -> i.getText().contains(text)).findFirst().orElseThrow()
        .click();
  }

  /** A form-js input: its generated id ends in -Field_&lt;key&gt; (the form's component ids). */
  public static By field(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']");
  }

  /** One option of a radio group or checklist: -Field_&lt;key&gt;-&lt;index&gt;. */
  public static By option(String key, int index) {
    return By.cssSelector("[id$='-Field_" + key + "-" + index + "']");
  }

  /**
   * Lets the browser save downloads (headless Chromium refuses them by default) into a fresh
   * directory of this test's profile, which is returned.
   */
  public Path allowDownloads() throws IOException {
    Path downloads = Files.createDirectories(userDataDir.resolve("downloads"));
    ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    return downloads;
  }

  /** The task's entry in the task list. */
  public static By listEntry(String taskId) {
    return By.cssSelector("a[href*='task=" + taskId + "']");
  }

  public <T> T await(String what, Function<WebDriver, T> condition) {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class).withMessage("waiting for " + what);
    return wait.until(condition);
  }

  public void click(By by) {
    WebElement element = await(by + " clickable", ExpectedConditions.elementToBeClickable(by));
    scrollIntoView(element);
    element.click();
  }

  /**
   * Replaces a form field's text. Not with {@code clear()}: form-js re-renders the emptied field
   * after a delay, which can wipe the keys typed next. Select-all plus typing replaces the text in
   * one go; then the field must show exactly the text.
   */
  public void type(String key, String text) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      WebElement input = await(key + " editable", ExpectedConditions.elementToBeClickable(field(key)));
      scrollIntoView(input);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
      // on a busy machine form-js may re-render a moment later and drop what was typed: the text
      // must show and still show a little later, else it is typed again
      if (shows(key, text, Duration.ofSeconds(3)) && pause(Duration.ofMillis(800)) && shows(key, text, Duration.ZERO)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        await(key + " showing '" + text + "'",
            d -> text.equals(driver.findElement(field(key)).getDomProperty("value")));
        return;
      }
    }
  }

  private boolean shows(String key, String text, Duration within) {
    try {
      new WebDriverWait(driver, within.isZero() ? Duration.ofMillis(1) : within)
          .ignoring(StaleElementReferenceException.class)
          .until(d -> text.equals(d.findElement(field(key)).getDomProperty("value")));
      return true;
    } catch (TimeoutException notShown) {
      return false;
    }
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** To the middle of the view: the page footer covers the bottom edge of the task form. */
  public void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** The first visible match, or null. */
  public WebElement visible(By by) {
    return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
  }

  /** Text of the first visible match, stripped; "" when there is none. */
  public String textOf(By by) {
    WebElement element = visible(by);
    return element == null ? "" : element.getText().strip();
  }

  /** Saves a screenshot and the page source as target/screenshots/&lt;prefix&gt;NN-name.{png,html}. */
  public void capture(String name) {
    String base = prefix + String.format("%02d-%s", ++step, name);
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
    try (InputStream in = TasklistBrowser.class.getClassLoader().getResourceAsStream(TASKLIST_ZH)) {
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
