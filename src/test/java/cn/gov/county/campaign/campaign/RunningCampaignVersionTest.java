package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.system.JsonVariables;
import cn.gov.county.campaign.system.ModelDeployer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;

/**
 * A campaign lasts months; a new version of the models deployed meanwhile (a changed department
 * process, a changed problem process) applies to campaigns launched after it. The running campaign
 * keeps calling the department processes and starting the problem items of its own deployment.
 * An application of its own: the new models must not reach the other tests.
 */
@Tag("own-application")
class RunningCampaignVersionTest {

  private static final List<String> EXCLUDED = List.of("dept-propaganda", "dept-union", "dept-devreform",
      "dept-finance", "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng");

  @Test
  void aRunningCampaignKeepsItsModelsWhenChangedModelsAreDeployed() throws IOException {
    try (ConfigurableApplicationContext application = new SpringApplicationBuilder(CampaignApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:campaign-version;DB_CLOSE_DELAY=-1",
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "--camunda.bpm.process-engine-name=campaignversion",
        "--camunda.bpm.job-execution.enabled=false",
        "--campaign.calendar.directory=target/campaign-version-calendar")) {
      ProcessEngine engine = application.getBean(ProcessEngine.class);
      RepositoryService repository = engine.getRepositoryService();
      CampaignDriver driver = new CampaignDriver(engine);

      // given: a campaign for the market department, launched on the shipped models
      String code = driver.launch("2026年机关作风建设活动", EXCLUDED);
      ProcessInstance campaign = driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
          .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).singleResult();
      String launchedWith = repository.getProcessDefinition(campaign.getProcessDefinitionId()).getDeploymentId();

      // when: a new version of every model is deployed, two of them changed
      String newDeployment = deployChanged(repository, application.getBean(ModelDeployer.class));
      assertThat(latest(repository, CampaignModel.RECTIFICATION_PLAN_PROCESS).getDeploymentId())
          .isEqualTo(newDeployment);

      // and: the campaign goes on into phase 3, a problem found on the way
      driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", Map.of(
          "opinionsIssuedOn", CampaignDriver.TODAY.toString(), "opinionsTitle", "关于开展机关作风建设活动的实施意见",
          "mobilizationMeetingOn", CampaignDriver.TODAY.toString(), "mobilizationMeetingNotes", "全县动员大会。"));
      driver.doSelfInspection(code, "dept-market", "窗口服务态度生硬");
      driver.submitReport(code, "dept-market");
      driver.reviewReport(code, "dept-market", "accepted");
      driver.dayOf(code, CampaignModel.RESEARCH_START);
      driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_RESEARCH_FINDING).get(0), "office",
          Map.of("researchAction", "none"));
      driver.complete(driver.open(code, CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE).get(0), "inspector", Map.of(
          "samplingMethod", "designated", "designatedDepartments", JsonVariables.of(List.of("dept-market")),
          "samplingNote", "群众反映较多的单位"));
      driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_SPOT_CHECK_FINDING).get(0), "inspector", Map.of(
          "spotCheckAction", "recordAndFinish", "spotCheckFinding", "自查报告与实际不符", "spotCheckCause", "自查走过场"));

      // then: the plan process it called on phase 3's date and its problem items are those deployed with it
      driver.dayOf(code, CampaignModel.RECTIFICATION_START);
      Task plan = driver.open(code, CampaignModel.RectificationPlan.DRAFT_PLAN, "dept-market");
      assertThat(deploymentOf(repository, plan.getProcessDefinitionId())).isEqualTo(launchedWith);
      List<ProcessInstance> items = driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
          .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS).list();
      assertThat(items).hasSize(2)
          .allSatisfy(
              item -> assertThat(deploymentOf(repository, item.getProcessDefinitionId())).isEqualTo(launchedWith));

      // and: a campaign launched now runs on the new models
      ClockUtil.reset();
      String next = driver.launch("2027年机关作风建设活动", EXCLUDED);
      ProcessInstance nextCampaign = driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(next)
          .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).singleResult();
      assertThat(deploymentOf(repository, nextCampaign.getProcessDefinitionId())).isEqualTo(newDeployment);
    } finally {
      ClockUtil.reset();
    }
  }

  /** Every model and form again, the department plan and problem processes with a new name: a new deployment. */
  private static String deployChanged(RepositoryService repository, ModelDeployer deployer) throws IOException {
    DeploymentBuilder builder = repository.createDeployment().name(ModelDeployer.DEPLOYMENT_NAME);
    for (Map.Entry<String, Resource> resource : deployer.resources().entrySet()) {
      try (InputStream in = resource.getValue().getInputStream()) {
        String content = new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .replace("name=\"部门整改方案\"", "name=\"部门整改方案（新版）\"")
            .replace("name=\"问题整改\"", "name=\"问题整改（新版）\"");
        builder.addInputStream(resource.getKey(), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
      }
    }
    String id = builder.deploy().getId();
    assertThat(latest(repository, CampaignModel.RECTIFICATION_ITEM_PROCESS).getName()).isEqualTo("问题整改（新版）");
    return id;
  }

  private static ProcessDefinition latest(RepositoryService repository, String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private static String deploymentOf(RepositoryService repository, String processDefinitionId) {
    return repository.getProcessDefinition(processDefinitionId).getDeploymentId();
  }
}
