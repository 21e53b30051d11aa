package cn.gov.county.campaign.survey;

import static cn.gov.county.campaign.survey.SurveyModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TownshipSurveyProcess: a township ranks its own sub-units and approves and publishes the result itself. */
class TownshipSurveyProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private ModelDeadlines deadlines;
  private final List<Object> rankedFor = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(TOWNSHIP_PROCESS));
    deadlines = ModelTests.registerDeadlines();
    // as TownshipSurveys.rank: the township of the liaison who started it, the ranking within kind
    Mocks.register("rankTownshipSurveyDelegate", (JavaDelegate) execution -> {
      Object initiator = execution.getVariable(TOWNSHIP_INITIATOR);
      rankedFor.add(initiator);
      if (!"chengguan-liaison".equals(initiator)) {
        throw new IllegalStateException("无法确定发起测评的乡镇（街道）：" + initiator);
      }
      execution.setProcessBusinessKey((String) execution.getVariable(CAMPAIGN_CODE));
      execution.setVariable(TOWNSHIP, "dept-chengguan");
      execution.setVariable(TOWNSHIP_NAME, "城关镇");
      execution.setVariable(SUB_UNIT_RANKING, "[]");
      execution.setVariable(BOTTOM_SUB_UNITS, "股站所 城关镇农业站（61.20分）；");
    });
  }

  @AfterEach
  void reset() {
    engine.getIdentityService().clearAuthentication();
    ModelTests.reset();
  }

  private ProcessInstance startAs(String user) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(TOWNSHIP_PROCESS,
          withVariables(CAMPAIGN_CODE, "ZG-2026-ABCD", ROUND_NAME, "第一轮", SURVEY_DATE, "2026-09-20", SUB_UNIT_RESULTS,
              "[{\"unitName\":\"城关镇农业站\",\"unitKind\":\"股站所\"}]"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void shouldRankAtOnceAndGiveTheApprovalToTheStartingTownshipOnly() {
    // when
    ProcessInstance survey = startAs("chengguan-liaison");

    // then
    assertThat(rankedFor).containsExactly("chengguan-liaison");
    assertThat(survey).hasPassed(TOWNSHIP_RANK).isWaitingAt(TOWNSHIP_APPROVAL_TASK).hasBusinessKey("ZG-2026-ABCD");
    assertThat(task(survey)).hasName("审定并公布所属单位测评结果").hasCandidateGroup("dept-chengguan")
        .hasDueDate(deadlines.fromNow("office-review"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(survey.getId()).singleResult())
        .satisfies(t -> assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
            .extracting(link -> link.getGroupId()).containsExactly("dept-chengguan"));
    Map<String, Object> seen = ModelTests.taskVariables(engine, task(survey));
    assertThat(seen).containsEntry(TOWNSHIP_NAME, "城关镇").containsEntry(BOTTOM_SUB_UNITS, "股站所 城关镇农业站（61.20分）；");
  }

  @Test
  void shouldEndPublished_whenTheTownshipApproves() {
    // given
    ProcessInstance survey = startAs("chengguan-liaison");

    // when
    complete(task(survey), withVariables(TOWNSHIP_DECISION, "同意", MEDIUM, "镇政务公开栏", PUBLICATION_DATE,
        "2026-09-25"));

    // then
    assertThat(survey).isEnded().hasPassed(TOWNSHIP_APPROVAL_TASK, TOWNSHIP_PUBLISHED_END);
  }

  @Test
  void shouldStartNothing_whenTheStarterIsNoTownship() {
    // when / then: the ranking runs in the start's transaction
    assertThatThrownBy(() -> startAs("finance-liaison")).hasMessageContaining("无法确定发起测评的乡镇（街道）：finance-liaison");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TOWNSHIP_PROCESS).count())
        .isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(TOWNSHIP_PROCESS)
        .count()).isZero();
  }
}
