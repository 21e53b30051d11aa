package cn.gov.county.campaign.campaign;

import static cn.gov.county.campaign.campaign.CampaignModel.Consolidation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DepartmentConsolidationProcess: summary report, the unit head's approval, the office's assessment. */
class DepartmentConsolidationProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.CONSOLIDATION_PROCESS));
    OrganizationDirectory directory = mock(OrganizationDirectory.class);
    when(directory.headOf("dept-finance")).thenReturn("finance-head");
    Mocks.register("deadlines", deadlines);
    Mocks.register("organizationDirectory", directory);
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(CampaignModel.CONSOLIDATION_PROCESS, "ZG-2026-01",
        withVariables(CampaignModel.CAMPAIGN_CODE, "ZG-2026-01", CampaignModel.DEPARTMENT, "dept-finance",
            CampaignModel.CONSOLIDATION_END, "2026-12-31"));
  }

  @Test
  void shouldAskTheDepartmentForItsSummary_byTheEndOfThePhase() {
    // when
    ProcessInstance consolidation = start();

    // then
    assertThat(consolidation).isWaitingAt(SUBMIT_SUMMARY);
    assertThat(task(consolidation)).hasCandidateGroup("dept-finance").hasDueDate(deadlines.endOf("2026-12-31"));
  }

  @Test
  void shouldLetTheOfficeAssess_whenTheHeadApprovesTheSummary() {
    // given
    ProcessInstance consolidation = start();
    complete(task(consolidation), withVariables(SUMMARY, "全年整改总结"));
    assertThat(task(consolidation)).hasDefinitionKey(HEAD_APPROVES_SUMMARY).isAssignedTo("finance-head");
    org.assertj.core.api.Assertions.assertThat(ModelTests.taskVariables(engine, task(consolidation)))
        .containsEntry(CampaignModel.HEAD_REVIEW_SUBJECT, "总结报告");

    // when
    complete(task(consolidation), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));

    // then
    assertThat(consolidation).isWaitingAt(ASSESS_DEPARTMENT);
    assertThat(task(consolidation)).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    complete(task(consolidation));
    assertThat(consolidation).isEnded().hasPassed(COMPLETED);
  }

  @Test
  void shouldReturnTheSummaryToTheDepartment_whenTheHeadReturnsIt() {
    // given
    ProcessInstance consolidation = start();
    complete(task(consolidation), withVariables(SUMMARY, "总结"));

    // when
    complete(task(consolidation), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_RETURNED));

    // then
    assertThat(consolidation).isWaitingAt(SUBMIT_SUMMARY);
    assertThat(task(consolidation)).hasCandidateGroup("dept-finance");
    assertThat(consolidation).variables().containsEntry(SUMMARY, "总结");
  }
}
