package cn.gov.county.campaign.problem;

import static cn.gov.county.campaign.campaign.CampaignModel.ProblemAssignment.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.model.ModelTests;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ProblemAssignmentProcess: the assignment form is kept (save point) and the problem registered in a job. */
class ProblemAssignmentProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final List<Object> registered = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.PROBLEM_ASSIGNMENT_PROCESS));
    Mocks.register("registerAssignedProblemDelegate",
        (JavaDelegate) execution -> registered.add(execution.getVariable(CampaignModel.DEPARTMENT)));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  @Test
  void shouldRegisterTheAssignedProblemInAJob_afterTheFormIsSubmitted() {
    // when
    ProcessInstance assignment = engine.getRuntimeService().startProcessInstanceByKey(
        CampaignModel.PROBLEM_ASSIGNMENT_PROCESS, withVariables(CampaignModel.DEPARTMENT, "dept-finance"));

    // then
    assertThat(assignment).isWaitingAt(REGISTER);
    assertThat(registered).isEmpty();
    execute(job(REGISTER, assignment));
    assertThat(registered).containsExactly("dept-finance");
    assertThat(assignment).isEnded().hasPassed(ASSIGNED);
  }
}
