package cn.gov.county.campaign.request;

import static cn.gov.county.campaign.request.RequestModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * InformationRequestProcess: the office asks one department for information; its liaison reports by the day set,
 * the office reviews and returns it until it is accepted.
 */
class InformationRequestProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS));
    Mocks.register("deadlines", deadlines);
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance request() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DEPARTMENT, "dept-finance");
    variables.put(SUBJECT, "窗口服务情况");
    variables.put(REQUEST_CONTENT, "请报送三月份窗口服务情况");
    variables.put(DUE_DATE, "2027-03-20");
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
  }

  @Test
  void shouldOnlyBeStartedByTheOffice() {
    // then
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .singleResult().getId();
    assertThat(engine.getRepositoryService().getIdentityLinksForProcessDefinition(definition))
        .extracting(link -> link.getGroupId()).containsExactly(Groups.OFFICE);
  }

  @Test
  void shouldAskTheDepartmentToReportByTheDaySet() {
    // when
    ProcessInstance request = request();

    // then
    assertThat(request).isWaitingAt(SUBMIT_INFORMATION);
    assertThat(task(request)).hasCandidateGroup("dept-finance").hasDueDate(deadlines.endOf("2027-03-20"));
  }

  @Test
  void shouldEnd_whenTheOfficeAcceptsTheReport() {
    // given
    ProcessInstance request = request();
    complete(task(request), withVariables("report", "已报送"));
    assertThat(task(request)).hasDefinitionKey(REVIEW_INFORMATION).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(request), withVariables(REVIEW_DECISION, ACCEPTED));

    // then
    assertThat(request).isEnded().hasPassed(INFORMATION_ACCEPTED_END);
  }

  @Test
  void shouldReturnTheReportToTheDepartment_untilTheOfficeAcceptsIt() {
    // given
    ProcessInstance request = request();
    complete(task(request), withVariables("report", "草稿"));

    // when
    complete(task(request), withVariables(REVIEW_DECISION, RETURNED, REVIEW_COMMENT, "请补充数据"));

    // then
    assertThat(request).isWaitingAt(SUBMIT_INFORMATION).variables().containsEntry(REVIEW_COMMENT, "请补充数据");
    assertThat(task(request)).hasCandidateGroup("dept-finance").hasDueDate(deadlines.endOf("2027-03-20"));
    complete(task(request), withVariables("report", "补充后"));
    complete(task(request), withVariables(REVIEW_DECISION, ACCEPTED));
    assertThat(request).isEnded().hasPassed(INFORMATION_ACCEPTED_END);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskDefinitionKey(SUBMIT_INFORMATION)
        .count()).isEqualTo(2);
  }
}
