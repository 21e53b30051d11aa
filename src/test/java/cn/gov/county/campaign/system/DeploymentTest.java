package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.notification.NotificationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CampaignIntegrationTest
class DeploymentTest {

  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyModelAndFormOfTheRepositoryIsDeployedInOneDeployment() throws IOException {
    // given
    List<String> files;
    try (Stream<Path> processes = Files.walk(Path.of("processes")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
      files = Stream.concat(processes, forms)
          .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$"))
          .map(p -> p.toString().replace('\\', '/'))
          .toList();
    }
    // when
    Deployment deployment = repositoryService.createDeploymentQuery()
        .deploymentName(ModelDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().desc().list().get(0);
    // then
    assertThat(files).isNotEmpty();
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrderElementsOf(files);
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
        .processDefinitionKey(RequestModel.PROCESS).singleResult().getName()).isEqualTo("情况报送");
    ProcessDefinition delivery = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
        .processDefinitionKey(NotificationModel.DELIVERY_PROCESS).singleResult();
    assertThat(delivery.getName()).isEqualTo("通知送达");
    assertThat(delivery.getVersionTag()).isEqualTo("1.0");
    assertThat(delivery.isStartableInTasklist()).as("started by the application, never by hand in Tasklist").isFalse();
  }
}
