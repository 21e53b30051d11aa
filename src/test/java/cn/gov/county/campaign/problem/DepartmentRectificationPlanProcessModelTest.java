package cn.gov.county.campaign.problem;

import static cn.gov.county.campaign.campaign.CampaignModel.RectificationPlan.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DepartmentRectificationPlanProcess: the plan over the department's problems, approved by its head, recorded. */
class DepartmentRectificationPlanProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final List<String> recorded = new java.util.ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.RECTIFICATION_PLAN_PROCESS));
    OrganizationDirectory directory = mock(OrganizationDirectory.class);
    when(directory.headOf("dept-finance")).thenReturn("finance-head");
    Mocks.register("deadlines", deadlines);
    Mocks.register("organizationDirectory", directory);
    Mocks.register("collectPlanItemsDelegate", (JavaDelegate) execution -> execution.setVariable("planItems", "ZG-01"));
    Mocks.register("recordRectificationPlanDelegate",
        (JavaDelegate) execution -> recorded.add((String) execution.getVariable(PLAN)));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance start() {
    ProcessInstance plan = engine.getRuntimeService().startProcessInstanceByKey(
        CampaignModel.RECTIFICATION_PLAN_PROCESS,
        "ZG-2026-01", withVariables(CampaignModel.CAMPAIGN_CODE, "ZG-2026-01", CampaignModel.DEPARTMENT, "dept-finance",
            CampaignModel.RECTIFICATION_END, "2026-11-30"));
    assertThat(plan).isWaitingAt(COLLECT_PLAN_ITEMS);
    execute(job(COLLECT_PLAN_ITEMS, plan));
    return plan;
  }

  @Test
  void shouldAskTheDepartmentForAPlanOverItsProblems_withinTheTimeLimit() {
    // when
    ProcessInstance plan = start();

    // then
    assertThat(plan).isWaitingAt(DRAFT_PLAN).variables().containsEntry("planItems", "ZG-01");
    assertThat(task(plan)).hasCandidateGroup("dept-finance").hasDueDate(deadlines.fromNow("rectification-measures"));
  }

  @Test
  void shouldRecordThePlan_whenTheHeadApprovesIt() {
    // given
    ProcessInstance plan = start();
    complete(task(plan), withVariables(PLAN, "一月内完成窗口整改"));
    assertThat(task(plan)).hasDefinitionKey(HEAD_APPROVES_PLAN).isAssignedTo("finance-head");
    org.assertj.core.api.Assertions.assertThat(ModelTests.taskVariables(engine, task(plan)))
        .containsEntry(CampaignModel.HEAD_REVIEW_SUBJECT, "整改方案");

    // when
    complete(task(plan), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));

    // then
    assertThat(plan).isWaitingAt(RECORD_PLAN);
    execute(job(RECORD_PLAN, plan));
    assertThat(plan).isEnded().hasPassed(SUBMITTED);
    org.assertj.core.api.Assertions.assertThat(recorded).containsExactly("一月内完成窗口整改");
  }

  @Test
  void shouldReturnThePlanToTheDepartment_whenTheHeadReturnsIt() {
    // given
    ProcessInstance plan = start();
    complete(task(plan), withVariables(PLAN, "草稿"));

    // when
    complete(task(plan), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_RETURNED));

    // then
    assertThat(plan).isWaitingAt(DRAFT_PLAN);
    assertThat(task(plan)).hasCandidateGroup("dept-finance");
    org.assertj.core.api.Assertions.assertThat(recorded).isEmpty();
  }
}
