package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.PostgresDatabase;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL database, both with their job executors running, as a
 * county runs them behind a proxy. A department misses its self-inspection deadline and climbs
 * the whole ladder while others deliver; users are served by either node in turn. Every timer and
 * every other job runs once (on whichever node takes it), every mail goes out once, each overdue
 * task has one ladder, and nothing ends in an incident.
 */
@Tag("own-application")
class TwoNodesTest {

  @Test
  void aLateDepartmentClimbsItsLadderOnceWithTwoNodesRunningTheJobs() throws Exception {
    GreenMail mailServer = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    try (PostgresDatabase database = PostgresDatabase.create("two_nodes");
        ConfigurableApplicationContext node1 = node("node1", database, mailServer);
        ConfigurableApplicationContext node2 = node("node2", database, mailServer)) {
      CampaignDriver first = CampaignDriver.withJobExecutor(node1.getBean(ProcessEngine.class));
      CampaignDriver second = CampaignDriver.withJobExecutor(node2.getBean(ProcessEngine.class));
      HistoryService history = node1.getBean(ProcessEngine.class).getHistoryService();

      // when: finance is late with its work plan, market and education deliver theirs on time
      String code = AugustCampaign.launch(first, List.of("dept-finance", "dept-market", "dept-education"));
      ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 10), 10, 0));
      for (String department : List.of("dept-market", "dept-education")) {
        second.complete(second.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, department),
            CampaignDriver.liaisonOf(department),
            Map.of("workPlan", "成立工作专班，分三步开展自查自纠。", "workPlanLeader", "局长"));
      }
      Map<String, List<String>> steps = EscalationClimb.climb(code, LocalDate.of(2026, 8, 19),
          LocalDate.of(2026, 9, 18),
          () -> {
          }, first, second);

      // then: the ladders as on one node (the work plan's, and from 09-11 the unfinished rectification plan's)
      assertThat(steps.get("dept-finance")).containsExactly("2026-08-21 催办", "2026-08-25 督办通知单",
          "2026-09-01 通报批评", "2026-09-08 诫勉谈话", "2026-09-11 催办", "2026-09-17 组织处理建议");

      // every job that succeeded did so once, on one node or the other; both nodes took part
      List<HistoricJobLog> succeeded = history.createHistoricJobLogQuery().successLog().list();
      Map<String, Long> runsPerJob = succeeded.stream()
          .collect(Collectors.groupingBy(HistoricJobLog::getJobId, TreeMap::new, Collectors.counting()));
      assertThat(runsPerJob).isNotEmpty();
      assertThat(runsPerJob.entrySet()).filteredOn(e -> e.getValue() > 1).isEmpty();
      Map<String, Long> perNode = succeeded.stream()
          .collect(Collectors.groupingBy(HistoricJobLog::getHostname, TreeMap::new, Collectors.counting()));
      long retried = history.createHistoricJobLogQuery().failureLog().count();
      System.out.printf("Two nodes: %d jobs ran once each (per node %s), %d attempts failed and were retried%n",
          runsPerJob.size(), perNode, retried);
      assertThat(perNode).containsOnlyKeys("node1", "node2");

      // the deadline timers of the tasks that passed their due dates, each run once
      List<String> overdueTimers = runsPerJob.keySet().stream().filter(id -> id.startsWith("overdue:")).toList();
      assertThat(overdueTimers).isNotEmpty();

      // one ladder per overdue task
      List<HistoricVariableInstance> ladders = history.createHistoricVariableInstanceQuery()
          .variableName(EscalationModel.OVERDUE_TASK_ID).list().stream()
          .filter(v -> history.createHistoricProcessInstanceQuery().processInstanceId(v.getProcessInstanceId())
              .processDefinitionKey(EscalationModel.PROCESS).count() == 1)
          .toList();
      Map<Object, Long> laddersPerTask = ladders.stream()
          .collect(Collectors.groupingBy(HistoricVariableInstance::getValue, Collectors.counting()));
      assertThat(laddersPerTask).isNotEmpty();
      assertThat(laddersPerTask.values()).containsOnly(1L);
      // each started by its task's overdue timer, which ran once (a working body's overdue task gets no ladder)
      assertThat(overdueTimers.stream().map(id -> id.substring("overdue:".length())).toList())
          .containsAll(laddersPerTask.keySet().stream().map(String::valueOf).toList());

      // every notification recorded once and mailed once: one message per record, none twice
      List<NotificationRecord> records = node2.getBean(Notifications.class).ofCampaign(code, null);
      assertThat(records).allSatisfy(record -> assertThat(record.statusLabel()).isEqualTo("已发送"));
      List<String> messageIds = new ArrayList<>();
      for (MimeMessage mail : mailServer.getReceivedMessages()) {
        messageIds.add(mail.getMessageID());
      }
      Map<String, Long> copies = messageIds.stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(copies.entrySet()).filteredOn(e -> e.getValue() > 1).isEmpty();
      assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(records.stream()
          .map(r -> "<notification-" + r.id() + "@demo-county.gov.cn>").toList());

      // nothing failed for good
      ProcessEngine engine = node1.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
    } finally {
      ClockUtil.reset();
      mailServer.stop();
    }
  }

  private static ConfigurableApplicationContext node(String name, PostgresDatabase database, GreenMail mailServer) {
    String[] arguments = Stream.concat(Stream.of(database.springArguments()), Stream.of(
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "--camunda.bpm.process-engine-name=" + name,
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.enabled=true",
        // look for due jobs often: the test moves the engine clock instead of waiting for it
        "--camunda.bpm.job-execution.wait-time-in-millis=100",
        "--camunda.bpm.job-execution.max-wait=200",
        "--campaign.calendar.directory=target/two-nodes-calendar",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mailServer.getSmtp().getPort())).toArray(String[]::new);
    return new SpringApplicationBuilder(CampaignApplication.class).run(arguments);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
