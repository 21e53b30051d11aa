package cn.gov.county.campaign.extension;

import static cn.gov.county.campaign.extension.ExtensionModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeadlineExtensionProcess: the office grants or refuses a department's request; who asked and who decided are kept. */
class DeadlineExtensionProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final List<String> outcomes = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS));
    Mocks.register("deadlines", deadlines);
    Mocks.register("registerDeadlineExtensionDelegate",
        (JavaDelegate) execution -> execution.setVariable(CURRENT_DEADLINE, "2027-05-31"));
    Mocks.register("grantDeadlineExtensionDelegate", (JavaDelegate) execution -> outcomes.add("granted"));
    Mocks.register("refuseDeadlineExtensionDelegate", (JavaDelegate) execution -> outcomes.add("refused"));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance request() {
    engine.getIdentityService().setAuthenticatedUserId("finance-liaison");
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
          withVariables(PROBLEM_CODE, "ZG-2027-ABCD-001",
              REQUESTED_DEADLINE, "2027-06-30", REASON, "需招标采购"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void decide(ProcessInstance extension, String decision) {
    Task review = task(extension);
    engine.getTaskService().claim(review.getId(), "office-clerk");
    engine.getTaskService().complete(review.getId(), withVariables(DECISION, decision, OPINION, "意见"));
  }

  @Test
  void shouldAskTheOfficeToReview_withTheProblemsCurrentDeadline() {
    // when
    ProcessInstance extension = request();

    // then
    assertThat(extension).isWaitingAt(REVIEW_TASK).variables().containsEntry(REQUESTED_BY, "finance-liaison")
        .containsEntry(CURRENT_DEADLINE, "2027-05-31");
    assertThat(task(extension)).hasCandidateGroup(Groups.OFFICE).hasDueDate(deadlines.fromNow("office-review"));
  }

  @Test
  void shouldExtendTheDeadline_whenTheOfficeApproves() {
    // given
    ProcessInstance extension = request();

    // when
    decide(extension, APPROVED);

    // then
    assertThat(extension).isEnded().hasPassed(GRANTED_END);
    assertThat(extension).variables().containsEntry(DECIDED_BY, "office-clerk");
    assertThat(outcomes).containsExactly("granted");
  }

  @Test
  void shouldTellTheDepartment_whenTheOfficeRefuses() {
    // given
    ProcessInstance extension = request();

    // when
    decide(extension, REFUSED);

    // then
    assertThat(extension).isEnded().hasPassed(REFUSED_END);
    assertThat(extension).variables().containsEntry(DECIDED_BY, "office-clerk");
    assertThat(outcomes).containsExactly("refused");
  }
}
