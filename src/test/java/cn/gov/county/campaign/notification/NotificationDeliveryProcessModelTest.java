package cn.gov.county.campaign.notification;

import static cn.gov.county.campaign.notification.NotificationModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelTests;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NotificationDeliveryProcess: a mail sent in a job; a failing server gives retries on the cycle, then an incident. */
class NotificationDeliveryProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final List<Long> sent = new ArrayList<>();
  private boolean serverDown;

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(DELIVERY_PROCESS));
    Mocks.register("sendNotificationMailDelegate", (JavaDelegate) execution -> {
      if (serverDown) {
        throw new IllegalStateException("SMTP server unavailable");
      }
      sent.add((Long) execution.getVariable(NOTIFICATION_ID));
    });
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance deliver(long notificationId) {
    return engine.getRuntimeService().startProcessInstanceByKey(DELIVERY_PROCESS,
        withVariables(NOTIFICATION_ID, notificationId, RETRY_CYCLE, "R2/PT10M"));
  }

  @Test
  void shouldSendTheMailInAJob_andEnd() {
    // given
    ProcessInstance delivery = deliver(42L);
    assertThat(delivery).isWaitingAt(SEND_MAIL);
    assertThat(sent).isEmpty();

    // when
    engine.getManagementService().executeJob(job(SEND_MAIL, delivery).getId());

    // then
    assertThat(sent).containsExactly(42L);
    assertThat(delivery).isEnded().hasPassed(DELIVERED);
  }

  @Test
  void shouldRetryOnTheConfiguredCycle_andRaiseAnIncident_whenTheMailServerKeepsFailing() {
    // given
    serverDown = true;
    java.util.Date now = new java.util.Date(1_800_000_000_000L);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
    ProcessInstance delivery = deliver(43L);

    // when
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job(SEND_MAIL, delivery).getId()))
        .hasMessageContaining("SMTP server unavailable");

    // then
    Job retried = job(SEND_MAIL, delivery);
    assertThat(retried.getRetries()).isEqualTo(1);
    assertThat(retried.getDuedate()).isEqualTo(new java.util.Date(now.getTime() + 10 * 60 * 1000));
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(retried.getId()));
    assertThat(job(SEND_MAIL, delivery).getRetries()).isZero();
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(delivery.getId())
        .list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getIncidentMessage()).contains("SMTP server unavailable");
    assertThat(delivery).isNotEnded().isWaitingAt(SEND_MAIL);
  }
}
