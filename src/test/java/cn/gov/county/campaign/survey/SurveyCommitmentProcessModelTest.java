package cn.gov.county.campaign.survey;

import static cn.gov.county.campaign.survey.SurveyModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SurveyCommitmentProcess: a unit that must rectify after a counted round makes its commitment public. */
class SurveyCommitmentProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private ModelDeadlines deadlines;

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(COMMITMENT_PROCESS));
    deadlines = ModelTests.registerDeadlines();
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  /** As the round's consequence calls it: only the unit's own facts and its rectification item come in. */
  private ProcessInstance require() {
    return engine.getRuntimeService().startProcessInstanceByKey(COMMITMENT_PROCESS, "ZG-2026-ABCD",
        withVariables(CAMPAIGN_CODE, "ZG-2026-ABCD", CAMPAIGN_NAME, "2026年作风整顿", DEPARTMENT, "dept-finance",
            DEPARTMENT_NAME, "县财政局", FACTS, "第二轮满意率 62.0%，政府部门倒数第二", PROBLEM_CODE, "ZG-2026-ABCD-014"));
  }

  @Test
  void shouldGiveTheUnitItsCommitmentTask_withOnlyItsOwnFactsAndItem() {
    // when
    ProcessInstance commitment = require();

    // then
    assertThat(commitment).isWaitingAt(COMMITMENT_TASK).hasBusinessKey("ZG-2026-ABCD");
    assertThat(task(commitment)).hasName("作出公开整改承诺").hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.fromNow("rectification-measures"));
    assertThat(ModelTests.taskVariables(engine, task(commitment))).containsEntry(PROBLEM_CODE, "ZG-2026-ABCD-014")
        .containsEntry(FACTS, "第二轮满意率 62.0%，政府部门倒数第二")
        .doesNotContainKeys(RANKING, RANKING_TEXT, RESULTS, PROPOSED, MEETING_DECISION);
  }

  @Test
  void shouldEndWithTheCommitmentMade_whenTheUnitPublishesIt() {
    // given
    ProcessInstance commitment = require();

    // when
    complete(task(commitment), withVariables(COMMITMENT_TEXT, "一个月内整改窗口服务问题", PUBLICATION_CHANNEL, "县融媒体中心",
        PUBLISHED_ON, "2026-10-08"));

    // then
    assertThat(commitment).isEnded().hasPassed(COMMITMENT_TASK, COMMITMENT_MADE_END);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(commitment.getId())
        .variableName(COMMITMENT_TEXT).singleResult().getValue()).isEqualTo("一个月内整改窗口服务问题");
  }
}
