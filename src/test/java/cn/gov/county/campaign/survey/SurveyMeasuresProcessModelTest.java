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

/** SurveyMeasuresProcess: after round 1 (作风问计) one surveyed unit proposes its measures within the limit. */
class SurveyMeasuresProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private ModelDeadlines deadlines;

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(MEASURES_PROCESS));
    deadlines = ModelTests.registerDeadlines();
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  /** As the round calls it: only the unit's own facts come in. */
  private ProcessInstance require() {
    return engine.getRuntimeService().startProcessInstanceByKey(MEASURES_PROCESS, "ZG-2026-ABCD",
        withVariables(CAMPAIGN_CODE, "ZG-2026-ABCD", CAMPAIGN_NAME, "2026年作风整顿", ROUND_NAME, "第一轮（作风问计）",
            DEPARTMENT, "dept-finance", DEPARTMENT_NAME, "县财政局", FACTS, "满意率 81.5%，在政府部门中排第 12 位",
            DIAGNOSTIC_REQUIREMENTS, "结合民意调查提出整改措施"));
  }

  @Test
  void shouldGiveTheUnitItsMeasuresTask_withOnlyItsOwnResultAndTheLimit() {
    // when
    ProcessInstance measures = require();

    // then
    assertThat(measures).isWaitingAt(MEASURES_TASK);
    assertThat(task(measures)).hasName("提出整改措施").hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.fromNow("rectification-measures"));
    assertThat(ModelTests.taskVariables(engine, task(measures))).containsEntry(FACTS, "满意率 81.5%，在政府部门中排第 12 位")
        .containsEntry(DEPARTMENT_NAME, "县财政局").doesNotContainKeys(RANKING, RANKING_TEXT, RESULTS, PROPOSED);
  }

  @Test
  void shouldEndWithTheMeasuresProposed_whenTheUnitSubmitsThem() {
    // given
    ProcessInstance measures = require();

    // when
    complete(task(measures), withVariables(MEASURES, "窗口服务限时办结", MEASURES_RESPONSIBLE, "张三", MEASURES_DEADLINE,
        "2026-10-31"));

    // then
    assertThat(measures).isEnded().hasPassed(MEASURES_TASK, MEASURES_PROPOSED_END);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(measures.getId())
        .variableName(MEASURES).singleResult().getValue()).isEqualTo("窗口服务限时办结");
  }
}
