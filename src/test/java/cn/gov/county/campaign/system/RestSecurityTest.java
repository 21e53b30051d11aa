package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@CampaignIntegrationTest
class RestSecurityTest {

  @LocalServerPort
  int port;

  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/engine/", "/engine-rest/version", "/engine-rest/task",
      "/engine-rest/process-definition", "/engine-rest/history/process-instance", "/engine-rest/user",
      "/engine-rest/engine/default/task", "/engine-rest/authorization", "/engine-rest/deployment"})
  void answers401WithoutCredentials(String path) {
    // when
    var reply = rest.get(null, path);
    // then
    assertThat(reply.status()).as(path).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/user/office/profile"})
  void answers401ToAnUnknownUser(String path) {
    // when: an unknown user, so that no demo account gets locked out by login throttling
    var reply = rest.get("nobody-" + System.nanoTime(), path);
    // then
    assertThat(reply.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/engine"})
  void answersAuthenticatedUsers(String path) {
    // when
    var reply = rest.get("finance-liaison", path);
    // then
    assertThat(reply.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-definition/key/" + RequestModel.PROCESS + "/start",
      "/engine-rest/deployment/create", "/engine-rest/user/create"})
  void refusesWritesWithoutCredentials(String path) {
    // when
    var reply = rest.post(null, path, "{}");
    // then
    assertThat(reply.status()).isEqualTo(401);
  }
}
