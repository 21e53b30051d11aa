package cn.gov.county.campaign.complaint;

import static cn.gov.county.campaign.complaint.ComplaintModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ComplaintProcess: verified by the discipline inspectors; substantiated ones become problems while the campaign runs. */
class ComplaintProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private boolean campaignRunning = true;

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS));
    Mocks.register("deadlines", deadlines);
    Mocks.register("registerComplaintDelegate", (JavaDelegate) execution -> {
      execution.setVariable(NUMBER, "TS-2027-001");
      execution.setVariable(DEPARTMENT_NAME, "县财政局");
      execution.setVariable(SOURCE_LABEL, "12345热线");
    });
    Mocks.register("registerComplaintProblemDelegate", (JavaDelegate) execution -> {
      if (!campaignRunning) {
        throw new BpmnError(CAMPAIGN_NOT_RUNNING_ERROR);
      }
      execution.setVariable(PROBLEM_CODE, "ZG-2027-ABCD-009");
    });
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance receive() {
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, withVariables(CAMPAIGN_CODE, "ZG-2027-ABCD",
        DEPARTMENT, "dept-finance", CONTENT, "窗口人员态度差", RECEIVED_ON, "2027-03-02"));
  }

  @Test
  void shouldAskTheDisciplineInspectorsToVerify_whenAComplaintIsRegistered() {
    // when
    ProcessInstance complaint = receive();

    // then
    assertThat(complaint).isWaitingAt(VERIFY_TASK).variables().containsEntry(NUMBER, "TS-2027-001");
    assertThat(task(complaint)).hasDescription("TS-2027-001：县财政局（12345热线，2027-03-02 受理）")
        .hasCandidateGroup(Groups.DISCIPLINE_INSPECTION)
        .hasDueDate(deadlines.fromNow("complaint-verification"));
  }

  @Test
  void shouldRegisterAProblemOfTheDepartment_whenTheComplaintIsSubstantiated() {
    // given
    ProcessInstance complaint = receive();

    // when
    complete(task(complaint), withVariables(SUBSTANTIATED, SUBSTANTIATED_YES, REASON, "经核实属实"));
    execute(job(REGISTER_PROBLEM, complaint));

    // then
    assertThat(complaint).isEnded().hasPassed(PROBLEM_REGISTERED_END).variables()
        .containsEntry(PROBLEM_CODE, "ZG-2027-ABCD-009");
  }

  @Test
  void shouldCloseTheComplaint_whenItIsNotSubstantiated() {
    // given
    ProcessInstance complaint = receive();

    // when
    complete(task(complaint), withVariables(SUBSTANTIATED, SUBSTANTIATED_NO, REASON, "查无实据"));

    // then
    assertThat(complaint).isEnded().hasPassed(UNSUBSTANTIATED_END).hasNotPassed(REGISTER_PROBLEM);
  }

  @Test
  void shouldEndWithoutAProblem_whenTheCampaignHasEndedMeanwhile() {
    // given
    ProcessInstance complaint = receive();
    complete(task(complaint), withVariables(SUBSTANTIATED, SUBSTANTIATED_YES, REASON, "属实"));
    campaignRunning = false;

    // when
    execute(job(REGISTER_PROBLEM, complaint));

    // then
    assertThat(complaint).isEnded().hasPassed(CAMPAIGN_NOT_RUNNING_END).hasNotPassed(PROBLEM_REGISTERED_END);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(complaint.getId())
        .variableName(PROBLEM_CODE).count()).isZero();
  }
}
