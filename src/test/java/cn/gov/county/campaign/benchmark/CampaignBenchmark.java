package cn.gov.county.campaign.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The benchmark (not a test: no surefire execution picks it up, mvn verify never runs it). Run it
 * with {@code mvn -B -o -Pbenchmark test-compile exec:exec [-Dbenchmark.departments=300]
 * [-Dbenchmark.database=h2|postgresql] [-Dbenchmark.storm=2000]} (see docs/benchmark.md).
 *
 * <p>It writes an organization of N departments, starts the product in a JVM of its own on H2 (a
 * file in target/benchmark) or PostgreSQL (a database of its own), drives it through /engine-rest,
 * stops it, then does the same shapes with a bare Camunda 7.24 application (benchmark.bare), and
 * prints one table. A measure that fails is printed as text; the exit status is always 0.
 */
public final class CampaignBenchmark {

  /** The body Tasklist posts for its first filter page. */
  static final String TASKLIST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
  private static final int CLIENTS = 16;
  private static final int INBOX_CALLS = 200;

  private final int departments = Integer.getInteger("benchmark.departments", 300);
  private final int storm = Integer.getInteger("benchmark.storm", 2000);
  private final String database = System.getProperty("benchmark.database", "h2");
  /** Which measures to take after the launch: a 2,000-department run may want only the inbox. */
  private final List<String> steps = List.of(System.getProperty("benchmark.steps", "inbox,forms,storm").split(","));
  private final String classes = System.getProperty("benchmark.classes", "target/classes");
  private final String testClasses = System.getProperty("benchmark.test-classes", "target/test-classes");
  private final Path runDirectory;

  private CampaignBenchmark() throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    runDirectory = Path.of(classes).toAbsolutePath().getParent().resolve("benchmark").resolve(stamp);
    Files.createDirectories(runDirectory);
  }

  public static void main(String[] args) {
    // the driver's own libraries (GreenMail) log at INFO by default
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try {
      new CampaignBenchmark().run();
    } catch (Throwable t) {
      System.out.println("The benchmark stopped: " + t);
      t.printStackTrace(System.out);
    }
    System.exit(0); // never fails a build
  }

  private void run() throws Exception {
    System.out.printf("Benchmark: %d departments, %s, deadline storm of %d tasks, %d cores; files in %s%n",
        departments, database, storm, Runtime.getRuntime().availableProcessors(), runDirectory);
    Path organization = OrganizationFile.write(runDirectory.resolve("organization.yaml"), departments);
    String classpath = System.getProperty("java.class.path");

    Results ours = new Results("ours");
    GreenMail mail = new GreenMail(
        new ServerSetup(ChildApplication.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      measure(ours, ChildApplication.classpathWithout(classpath, testClasses),
          "cn.gov.county.campaign.CampaignApplication",
          Map.of("CAMPAIGN_ORGANIZATION_FILE", "file:" + organization),
          List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort()), "admin",
          http -> new OurApplication(http, departments, mail));
    } finally {
      mail.stop();
    }
    Results bare = new Results("bare");
    measure(bare, ChildApplication.classpathWithout(classpath, classes),
        "cn.gov.county.campaign.benchmark.bare.BareCamundaApplication", Map.of(), List.of(), null,
        http -> new BareApplication(http, departments));
    print(ours, bare);
  }

  private interface SubjectFactory {
    Subject create(Http http);
  }

  private void measure(Results results, String classpath, String mainClass, Map<String, String> environment,
      List<String> arguments, String user, SubjectFactory factory) throws Exception {
    Path directory = Files.createDirectories(runDirectory.resolve(results.name));
    Database db = database.equals("postgresql")
        ? Database.postgresql("campaign_bench_" + runDirectory.getFileName() + "_" + results.name)
        : Database.h2(directory.resolve("data").resolve(results.name));
    List<String> all = new ArrayList<>(arguments);
    all.addAll(db.arguments());
    try (ChildApplication application = ChildApplication.start(classpath, mainClass, directory, environment, all,
        user)) {
      results.put("startup", application.startupSeconds);
      exercise(factory.create(application.http), results);
      results.put("rss", application.rssMegabytes());
    } catch (Exception e) {
      results.fail("startup", e);
    } finally {
      db.drop();
    }
  }

  private void exercise(Subject subject, Results results) {
    subject.awaitIdle();
    String first = results.step("launch", () -> {
      long start = System.nanoTime();
      String key = subject.launch("基准活动 1");
      results.put("launch", seconds(start));
      subject.awaitIdle();
      return key;
    });
    if (steps.contains("inbox")) {
      results.step("inbox50", () -> {
        for (int i = 0; i < 10; i++) {
          subject.inboxPage(); // warm-up
        }
        long[] nanos = new long[INBOX_CALLS];
        for (int i = 0; i < INBOX_CALLS; i++) {
          nanos[i] = subject.inboxPage().nanos();
        }
        results.put("inbox50", percentile(nanos, 0.50) / 1e6);
        results.put("inbox95", percentile(nanos, 0.95) / 1e6);
        return null;
      });
    }
    if (first != null && steps.contains("forms")) {
      results.step("forms", () -> {
        Subject.ClaimedTask[] claimed = new Subject.ClaimedTask[departments];
        parallel(CLIENTS, departments, i -> claimed[i] = subject.claim(first, i + 1));
        long[] nanos = new long[departments];
        long start = System.nanoTime();
        parallel(CLIENTS, departments, i -> nanos[i] = subject.submit(claimed[i]).nanos());
        results.put("forms", departments / seconds(start));
        results.put("forms95", percentile(nanos, 0.95) / 1e6);
        subject.awaitIdle();
        return null;
      });
    }
    if (!steps.contains("storm")) {
      return;
    }
    results.step("storm", () -> {
      List<String> keys = new ArrayList<>();
      for (int n = 0; n < (storm + departments - 1) / departments; n++) {
        keys.add(subject.launch("基准活动 期限 " + (n + 1)));
        subject.awaitIdle();
      }
      Subject.Storm result = subject.storm(keys, storm);
      results.put("storm", result.seconds());
      results.put("stormCount", result.done());
      if (result.duplicates() >= 0) {
        results.put("duplicates", result.duplicates());
      }
      if (!result.note().isEmpty()) {
        results.notes.add("deadline storm: " + result.note());
      }
      return null;
    });
  }

  private void print(Results ours, Results bare) {
    record Row(String key, String measure, String target, boolean higherIsBetter) {
    }
    List<Row> rows = List.of(
        new Row("startup", "start-up until /engine-rest answers (s)", "", false),
        new Row("launch", "launch for " + departments + " departments until each has its first task (s)", "", false),
        new Row("inbox50", "inbox: a liaison's first Tasklist filter page, p50 (ms)", "", false),
        new Row("inbox95", "inbox: a liaison's first Tasklist filter page, p95 (ms)", "", false),
        new Row("forms", "form submissions through REST, " + CLIENTS + " clients (per s)", ">= 150", true),
        new Row("forms95", "form submission p95 (ms)", "<= 150", false),
        new Row("storm", "deadline storm: " + storm + " tasks due at once until every reminder is mailed (s)", "<= 60",
            false),
        new Row("duplicates", "deadline storm: duplicate reminders", "0", false),
        new Row("rss", "RSS after the run (MiB)", "", false));
    String format = "| %-80s | %10s | %10s | %6s | %7s |%n";
    System.out.println();
    System.out.printf(format, "measure", "ours", "bare", "ratio", "target");
    System.out.printf(format, "-".repeat(80), "-".repeat(10), "-".repeat(10), "-".repeat(6), "-".repeat(7));
    for (Row row : rows) {
      Double o = ours.values.get(row.key);
      Double b = bare.values.get(row.key);
      String ratio = o != null && b != null && b != 0 ? String.format(Locale.ROOT, "%.2f", o / b) : "—";
      System.out.printf(format, row.measure, ours.show(row.key), bare.show(row.key), ratio,
          row.target.isEmpty() ? "—" : row.target);
    }
    System.out.println();
    System.out
        .println("ratio = ours / bare. Bare: a Camunda 7.24 starter application with default settings; its storm is "
            + storm + " non-interrupting timers moved to one instant (no mail); it has no duplicates to count.");
    for (Results results : List.of(ours, bare)) {
      results.notes.forEach(note -> System.out.println(results.name + ": " + note));
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** What one application measured, and what failed. */
  private static final class Results {
    final String name;
    final Map<String, Double> values = new LinkedHashMap<>();
    final Map<String, String> failed = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    Results(String name) {
      this.name = name;
    }

    void put(String key, double value) {
      values.put(key, value);
      System.out.printf(Locale.ROOT, "  %s %s = %.2f%n", name, key, value);
    }

    <T> T step(String key, java.util.concurrent.Callable<T> step) {
      try {
        return step.call();
      } catch (Exception e) {
        fail(key, e);
        return null;
      }
    }

    void fail(String key, Exception e) {
      failed.put(key, "failed");
      notes.add(key + " failed: " + e);
      System.out.println("  " + name + " " + key + " failed: " + e);
    }

    String show(String key) {
      Double value = values.get(key);
      if (value == null) {
        return failed.containsKey(key) || failed.containsKey("startup") ? "failed" : "—";
      }
      return String.format(Locale.ROOT, value >= 100 || value == Math.rint(value) ? "%.0f" : "%.2f", value);
    }
  }

  /** One instant that every changed due date gets: far enough ahead for all changes to be made first. */
  record DueInstant(long epochMillis) {
    static DueInstant after(int changes) {
      return new DueInstant(System.currentTimeMillis() + Math.max(15_000, changes * 25L));
    }

    String rest() {
      return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date(epochMillis));
    }

    String lateness() {
      long late = System.currentTimeMillis() - epochMillis;
      return late > 0
          ? String.format(Locale.ROOT, "the due dates were moved only %.1f s after the due instant", late / 1000.0)
          : "";
    }

    void sleepUntil() throws InterruptedException {
      Thread.sleep(Math.max(0, epochMillis - System.currentTimeMillis()));
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier done) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Runs {@code work} for 0 … count-1 on {@code threads} threads; rethrows the first failure. */
  static void parallel(int threads, int count, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> work.accept(n)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double percentile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  /** The organization file: the demo county's working bodies and N generated departments. */
  static final class OrganizationFile {
    static Path write(Path file, int departments) throws IOException {
      String demo;
      try (InputStream in = CampaignBenchmark.class.getResourceAsStream("/organization/demo-county.yaml")) {
        demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      StringBuilder yaml = new StringBuilder(demo.substring(0, demo.indexOf("\ndepartments:") + 1));
      yaml.append("departments:\n");
      for (int n = 1; n <= departments; n++) {
        yaml.append("  - id: ").append(Subject.department(n)).append('\n')
            .append("    name: 基准单位").append(n).append('\n')
            .append("    category: ").append(n % 5 == 0 ? "乡镇(街道)" : "政府职能部门").append('\n')
            .append("    head: { id: bench-").append(n).append("-head, name: 负责人").append(n).append(" }\n")
            .append("    liaison: { id: ").append(Subject.liaison(n)).append(", name: 联络员").append(n).append(" }\n");
      }
      return Files.writeString(file, yaml.toString());
    }
  }

  /** The application's database: an H2 file, or a PostgreSQL database of its own, dropped afterwards. */
  record Database(String url, String user, String postgresqlName) {
    static Database h2(Path file) {
      return new Database("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", "sa",
          null);
    }

    static Database postgresql(String name) throws IOException, InterruptedException {
      psql("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      psql("CREATE DATABASE \"" + name + "\"");
      return new Database("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", name);
    }

    List<String> arguments() {
      return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user);
    }

    void drop() throws IOException, InterruptedException {
      if (postgresqlName != null && !Boolean.getBoolean("benchmark.keep-database")) {
        psql("DROP DATABASE IF EXISTS \"" + postgresqlName + "\" WITH (FORCE)");
      }
    }

    private static void psql(String sql) throws IOException, InterruptedException {
      Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", "postgres",
          "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql).inheritIO().start();
      if (psql.waitFor() != 0) {
        throw new IllegalStateException("psql failed: " + sql);
      }
    }
  }
}
