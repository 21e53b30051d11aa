package cn.gov.county.campaign.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.PostgresDatabase;
import cn.gov.county.campaign.SlowSmtpRelay;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The application killed ({@code kill -9}) twice while a campaign fans out to 300 departments on
 * PostgreSQL, with the production job settings (jobs locked 30 s, looked for every 10 s at most):
 * once while the departments' instances are being started, once while their liaisons' mail goes
 * out through a slow SMTP server. Each time the application is started again; the jobs the dead
 * node held are taken over once their locks expire, and at the end every department has exactly
 * one instance and one first task, every notification is recorded once and sent, and the audit
 * chain verifies clean. How long the take-over took is printed (a figure, not a test condition).
 */
@Tag("own-application")
class CrashRecoveryTest {

  private static final int DEPARTMENTS = 300;
  private static final Path WORK = Path.of("target", "crash-recovery");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void killedMidFanOutAndMidMailBurst_restartedNodesFinishTheWorkWithNothingLostOrDoubled() throws Exception {
    Files.createDirectories(WORK);
    Path organization = WORK.resolve("organization-300.yaml");
    Files.writeString(organization, organization(DEPARTMENTS));
    GreenMail mailServer = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    try (PostgresDatabase database = PostgresDatabase.create("crash");
        // every SMTP reply 250 ms late: about two seconds a mail, so the burst outlasts a take-over
        SlowSmtpRelay relay = new SlowSmtpRelay(mailServer.getSmtp().getPort(), 250);
        Connection sql = database.connect()) {
      int port = freePort();
      List<String> arguments = new ArrayList<>(List.of(database.springArguments()));
      arguments.addAll(List.of("--server.port=" + port,
          "--campaign.organization-file=file:" + organization.toAbsolutePath(),
          "--campaign.calendar.directory=" + WORK.resolve("calendar").toAbsolutePath(),
          "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.port()));
      CampaignRest rest = new CampaignRest(port);

      // the office launches a campaign for all 300 departments and records the mobilization
      Node node = Node.start(1, arguments, port);
      String code = launch(rest);

      // kill -9 while the departments' instances are being started
      awaitUntil("the fan-out has begun", () -> count(sql, "SELECT COUNT(*) FROM act_ru_task "
          + "WHERE task_def_key_ = '" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN + "'") > 0);
      Map<String, String> lockedAtFirstKill = node.kill(sql);
      long firstTasks = count(sql, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '"
          + CampaignModel.SelfInspection.DRAFT_WORK_PLAN + "'");
      System.out.printf("Crash 1: killed with %d of %d departments' first tasks created, %d jobs locked%n",
          firstTasks, DEPARTMENTS, lockedAtFirstKill.size());
      assertThat(firstTasks).as("killed mid-fan-out").isLessThan(DEPARTMENTS);

      node = Node.start(2, arguments, port);
      tookOver("Crash 1", lockedAtFirstKill, node, sql);

      // kill -9 while the liaisons' mail goes out
      awaitUntil("a third of the mail is out", () -> mailServer.getReceivedMessages().length >= DEPARTMENTS / 3);
      Map<String, String> lockedAtSecondKill = node.kill(sql);
      int mailed = mailServer.getReceivedMessages().length;
      System.out.printf("Crash 2: killed with %d mails received, %d jobs locked%n", mailed, lockedAtSecondKill.size());
      assertThat(mailed).as("killed mid mail burst").isLessThan(DEPARTMENTS);

      node = Node.start(3, arguments, port);
      tookOver("Crash 2", lockedAtSecondKill, node, sql);
      awaitUntil("every job has run", () -> count(sql, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 "
          + "AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP)") == 0);

      try {
        // every department: one self-inspection instance, one first task
        assertThat(strings(sql,
            "SELECT v.text_ FROM act_ru_variable v JOIN act_ru_execution e ON v.execution_id_ = e.id_ "
                + "JOIN act_re_procdef d ON e.proc_def_id_ = d.id_ WHERE d.key_ = '"
                + CampaignModel.SELF_INSPECTION_PROCESS + "' "
                + "AND e.parent_id_ IS NULL AND v.name_ = 'department'"))
            .hasSize(DEPARTMENTS).doesNotHaveDuplicates();
        assertThat(strings(sql,
            "SELECT v.text_ FROM act_ru_task t JOIN act_ru_variable v ON v.proc_inst_id_ = t.proc_inst_id_ "
                + "AND v.name_ = 'department' AND v.execution_id_ = t.proc_inst_id_ "
                + "WHERE t.task_def_key_ = '" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN + "'"))
            .hasSize(DEPARTMENTS).doesNotHaveDuplicates();

        // every notification recorded once (a database constraint) and sent, every liaison told of
        // the new task; each arrived, a repeat (sent, not yet committed at the kill) recognisable
        // by its Message-ID
        String ofCampaign = "FROM campaign_notification WHERE campaign_code = '" + code + "'";
        assertThat(strings(sql, "SELECT DISTINCT recipient_id " + ofCampaign + " AND event_key LIKE 'task-created:%' "
            + "AND recipient_id LIKE 'u%-liaison'")).hasSize(DEPARTMENTS);
        assertThat(strings(sql, "SELECT status " + ofCampaign)).containsOnly("SENT");
        Map<String, Long> copies = new TreeMap<>();
        for (MimeMessage mail : mailServer.getReceivedMessages()) {
          copies.merge(mail.getMessageID(), 1L, Long::sum);
        }
        assertThat(copies.keySet()).containsAll(strings(sql, "SELECT '<notification-' || id || '@crash-county.gov.cn>' "
            + ofCampaign));
        System.out.printf("Mail: %d notifications, %d messages received, %d sent again after a crash%n",
            copies.size(), mailServer.getReceivedMessages().length,
            copies.values().stream().filter(n -> n > 1).count());

        // nothing failed; the campaign's audit chain verifies clean
        assertThat(count(sql, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
        CampaignRest.Reply verification = rest.get("auditor",
            "/campaign/api/review/campaigns/" + code + "/verification");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().path("clean").asBoolean()).as(verification.body()).isTrue();
      } finally {
        node.stop();
      }
    } finally {
      mailServer.stop();
    }
  }

  /** Starts the campaign through the REST API as the office does; answers its code once its departments are on their way. */
  private static String launch(CampaignRest rest) {
    Map<String, Object> form = new LinkedHashMap<>(CampaignDriver.launchForm("2026年机关作风建设活动（宕机演练）", List.of()));
    form.put("excludedDepartments", List.of());
    form.put("excludedChecklistItems", List.of());
    CampaignRest.Reply started = rest.post("office",
        "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    String mobilization = "/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + CampaignModel.Campaign.RECORD_MOBILIZATION;
    awaitUntil("the office's mobilization task", () -> rest.get("office", mobilization).json().size() == 1);
    String task = rest.get("office", mobilization).json().get(0).path("id").asText();
    assertThat(rest.post("office", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"office\"}").status())
        .isEqualTo(204);
    CampaignRest.Reply recorded = rest.post("office", "/engine-rest/task/" + task + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("opinionsIssuedOn", "2026-12-01", "opinionsTitle", "关于开展机关作风建设活动的实施意见",
            "mobilizationMeetingOn", "2026-12-01", "mobilizationMeetingNotes", "召开全县动员大会。")));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
    return rest.get("office", "/engine-rest/process-instance/" + instance).json().path("businessKey").asText();
  }

  /** Waits until no job is left locked by the dead node (run, or taken by the new one); prints how long that took. */
  private static void tookOver(String crash, Map<String, String> locked, Node node, Connection sql) {
    if (locked.isEmpty()) {
      return;
    }
    String owners = locked.values().stream().distinct().map(owner -> "'" + owner + "'")
        .collect(Collectors.joining(","));
    awaitUntil("the dead node's jobs taken over",
        () -> count(sql, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IN (" + owners + ")") == 0);
    System.out.printf(
        "%s: the %d jobs the dead node held were taken over %.1f s after the kill (%.1f s after the new node answered)%n",
        crash, locked.size(), node.secondsSinceKill(), node.secondsSinceReady());
  }

  /** 300 departments beside the demo county's working bodies (office, leading group, inspectors ...). */
  private static String organization(int departments) throws IOException {
    String demo = new ClassPathResource("organization/demo-county.yaml").getContentAsString(StandardCharsets.UTF_8);
    String bodies = demo.substring(0, demo.indexOf("\ndepartments:")).replace("demo-county.gov.cn",
        "crash-county.gov.cn");
    StringBuilder yaml = new StringBuilder(bodies).append("\ndepartments:\n");
    IntStream.rangeClosed(1, departments).forEach(n -> {
      String id = String.format("u%03d", n);
      yaml.append("  - id: dept-").append(id).append("\n    name: 演练单位").append(n).append("\n    category: 政府职能部门\n")
          .append("    head: { id: ").append(id).append("-head, name: 负责人").append(n).append(" }\n")
          .append("    liaison: { id: ").append(id).append("-liaison, name: 联络员").append(n).append(" }\n");
    });
    return yaml.toString();
  }

  private static long count(Connection sql, String query) {
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  private static List<String> strings(Connection sql, String query) {
    List<String> values = new ArrayList<>();
    try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
    return values;
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitUntil(String what, Condition condition) {
    long deadline = System.currentTimeMillis() + 180_000;
    try {
      while (!condition.holds()) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("waited three minutes for " + what);
        }
        Thread.sleep(20);
      }
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(what, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application in a JVM of its own (the test's class path), killed as the kernel would. */
  private static final class Node {
    private static long killedAt;
    private final Process process;
    private final long readyAt;

    private Node(Process process, long readyAt) {
      this.process = process;
      this.readyAt = readyAt;
    }

    static Node start(int run, List<String> arguments, int port) throws IOException {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx768m", "-cp", System.getProperty("java.class.path"), CampaignApplication.class.getName()));
      command.addAll(arguments);
      Path log = WORK.resolve("node-" + run + ".log");
      Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
          .timeout(Duration.ofSeconds(2)).build();
      long deadline = System.currentTimeMillis() + 180_000;
      while (System.currentTimeMillis() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("the application stopped; see " + log.toAbsolutePath());
        }
        try {
          if (HTTP.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            return new Node(process, System.currentTimeMillis());
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        sleep(200);
      }
      process.destroyForcibly();
      throw new AssertionError("the application did not answer within three minutes; see " + log.toAbsolutePath());
    }

    /** SIGKILL; answers the jobs it held locked at that moment (id to lock owner). */
    Map<String, String> kill(Connection sql) throws InterruptedException, SQLException {
      process.destroyForcibly();
      process.waitFor();
      killedAt = System.currentTimeMillis();
      Map<String, String> locked = new HashMap<>();
      try (Statement statement = sql.createStatement();
          ResultSet rows = statement
              .executeQuery("SELECT id_, lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL")) {
        while (rows.next()) {
          locked.put(rows.getString(1), rows.getString(2));
        }
      }
      return locked;
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }

    double secondsSinceKill() {
      return (System.currentTimeMillis() - killedAt) / 1000.0;
    }

    double secondsSinceReady() {
      return (System.currentTimeMillis() - readyAt) / 1000.0;
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
