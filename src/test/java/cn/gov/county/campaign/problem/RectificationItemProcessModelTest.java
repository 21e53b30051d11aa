package cn.gov.county.campaign.problem;

import static cn.gov.county.campaign.campaign.CampaignModel.RectificationItem.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.publicity.PublicCommitments;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RectificationItemProcess: one problem from measure to verified closure (销号), with every way back. */
class RectificationItemProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final PublicCommitments publicCommitments = mock(PublicCommitments.class);

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.RECTIFICATION_ITEM_PROCESS));
    OrganizationDirectory directory = mock(OrganizationDirectory.class);
    when(directory.headOf("dept-finance")).thenReturn("finance-head");
    Mocks.register("deadlines", deadlines);
    Mocks.register("organizationDirectory", directory);
    Mocks.register("publicCommitments", publicCommitments);
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  /** A registered problem whose department has defined its measure. */
  private ProcessInstance problemWithMeasure() {
    ProcessInstance item = engine.getRuntimeService().startProcessInstanceByKey(
        CampaignModel.RECTIFICATION_ITEM_PROCESS,
        "ZG-2026-01", withVariables(CampaignModel.CAMPAIGN_CODE, "ZG-2026-01", CampaignModel.DEPARTMENT, "dept-finance",
            PROBLEM_CODE, "ZG-2026-01-001", DEADLINE, "2026-11-30"));
    assertThat(task(item)).hasDefinitionKey(DEFINE_MEASURE).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.fromNow("rectification-measures"));
    complete(task(item), withVariables("measure", "培训窗口人员"));
    return item;
  }

  private void reportDone(ProcessInstance item) {
    complete(task(item), withVariables(PROGRESS_STATUS, DONE));
    complete(task(item), withVariables(COMPLETION_REPORT, "已整改"));
  }

  @Test
  void shouldAskForProgressByTheDeadline_whenTheMeasureIsDefined() {
    // when
    ProcessInstance item = problemWithMeasure();

    // then
    assertThat(item).isWaitingAt(REPORT_PROGRESS);
    assertThat(task(item)).hasCandidateGroup("dept-finance").hasDueDate(deadlines.endOf("2026-11-30"));
  }

  @Test
  void shouldAskForProgressAgain_whileTheRectificationIsOngoing() {
    // given
    ProcessInstance item = problemWithMeasure();

    // when
    complete(task(item), withVariables(PROGRESS_STATUS, ONGOING));

    // then
    assertThat(item).isWaitingAt(REPORT_PROGRESS);
    assertThat(task(item)).hasCandidateGroup("dept-finance");
  }

  @Test
  void shouldCloseAndPublishTheProblem_whenTheOfficeVerifiesTheApprovedCompletionReport() {
    // given
    ProcessInstance item = problemWithMeasure();
    complete(task(item), withVariables(PROGRESS_STATUS, DONE));
    assertThat(task(item)).hasDefinitionKey(SUBMIT_COMPLETION_REPORT).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.endOf("2026-11-30"));
    complete(task(item), withVariables(COMPLETION_REPORT, "已整改"));
    assertThat(task(item)).hasDefinitionKey(HEAD_APPROVES_COMPLETION_REPORT).isAssignedTo("finance-head");
    org.assertj.core.api.Assertions.assertThat(ModelTests.taskVariables(engine, task(item)))
        .containsEntry(CampaignModel.HEAD_REVIEW_SUBJECT, "办结报告");
    complete(task(item), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));
    assertThat(task(item)).hasDefinitionKey(VERIFY).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    verify(publicCommitments, never()).publishRectification(any(DelegateExecution.class));

    // when
    complete(task(item), withVariables(VERIFICATION_DECISION, VERIFIED));

    // then
    assertThat(item).isEnded().hasPassed(PROBLEM_CLOSED);
    verify(publicCommitments).publishRectification(any(DelegateExecution.class));
  }

  @Test
  void shouldReturnTheCompletionReport_whenTheHeadReturnsIt() {
    // given
    ProcessInstance item = problemWithMeasure();
    reportDone(item);

    // when
    complete(task(item), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_RETURNED));

    // then
    assertThat(item).isWaitingAt(SUBMIT_COMPLETION_REPORT);
    assertThat(task(item)).hasCandidateGroup("dept-finance");
  }

  @Test
  void shouldReturnTheCompletionReport_whenTheOfficeDoesNotVerifyIt() {
    // given
    ProcessInstance item = problemWithMeasure();
    reportDone(item);
    complete(task(item), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));

    // when
    complete(task(item), withVariables(VERIFICATION_DECISION, RETURNED));

    // then
    assertThat(item).isWaitingAt(SUBMIT_COMPLETION_REPORT);
    assertThat(item).variables().containsEntry(VERIFICATION_DECISION, RETURNED);
    verify(publicCommitments, never()).publishRectification(any(DelegateExecution.class));
  }

  @Test
  void shouldVerifyTheCompletionReportTheSecondTime_afterTheOfficeReturnedItOnce() {
    // given
    ProcessInstance item = problemWithMeasure();
    reportDone(item);
    complete(task(item), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));
    complete(task(item), withVariables(VERIFICATION_DECISION, RETURNED, VERIFICATION_COMMENT, "缺少压减前后对比数据。"));

    // when: the department sees the office's comment and submits again, the head approves
    org.assertj.core.api.Assertions.assertThat(ModelTests.taskVariables(engine, task(SUBMIT_COMPLETION_REPORT, item)))
        .containsEntry(VERIFICATION_COMMENT, "缺少压减前后对比数据。");
    complete(task(item), withVariables(COMPLETION_REPORT, "已整改，附对比数据"));
    complete(task(item), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));

    // then: the second verification starts undecided; verified, the problem is closed
    org.assertj.core.api.Assertions.assertThat(ModelTests.taskVariables(engine, task(VERIFY, item)))
        .as("the second verification starts undecided").containsEntry(VERIFICATION_DECISION, null);
    complete(task(item), withVariables(VERIFICATION_DECISION, VERIFIED));
    assertThat(item).isEnded().hasPassed(PROBLEM_CLOSED);
    org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(item.getId()).taskDefinitionKey(SUBMIT_COMPLETION_REPORT).finished().count()).isEqualTo(2);
  }
}
