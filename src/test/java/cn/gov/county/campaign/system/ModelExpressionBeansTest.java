package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.county.campaign.CampaignIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A model deployed later reaches no bean the shipped models do not use: no SQL from an expression. */
@CampaignIntegrationTest
class ModelExpressionBeansTest {

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  IdentityService identityService;

  @Autowired
  ApplicationContext context;

  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  private void deploy(String expression) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ExpressionProbeProcess")
        .camundaHistoryTimeToLive(10958)
        .startEvent()
        .serviceTask().camundaExpression(expression)
        .endEvent()
        .done();
    deployment = repositoryService.createDeployment().addModelInstance("ExpressionProbe.bpmn", model).deploy();
  }

  @Test
  void aDeployedModelCannotRunSqlThroughJdbcTemplate() {
    // given: both beans exist in the application
    assertThat(context.containsBean("jdbcTemplate")).isTrue();
    assertThat(context.containsBean("dataSource")).isTrue();
    deploy("${jdbcTemplate.update(\"UPDATE ACT_ID_USER SET FIRST_ = 'tampered' WHERE ID_ = 'auditor'\")}");
    // when / then
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("ExpressionProbeProcess"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("jdbcTemplate");
    assertThat(identityService.createUserQuery().userId("auditor").singleResult().getFirstName())
        .isNotEqualTo("tampered");
  }

  @Test
  void aDeployedModelCannotReachTheDataSource() {
    deploy("${dataSource.connection.close()}");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("ExpressionProbeProcess"))
        .hasMessageContaining("dataSource");
  }

  @Test
  void theBeansTheShippedModelsUseStayAvailable() {
    // the deadline service every model's due dates call
    deploy("${deadlines.toString()}");
    assertThat(runtimeService.startProcessInstanceByKey("ExpressionProbeProcess").isEnded()).isTrue();
    assertThat(ModelExpressionBeans.namesInModels()).contains("deadlines", "sendNotificationMailDelegate")
        .doesNotContain("jdbcTemplate", "dataSource");
  }
}
