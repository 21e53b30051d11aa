package cn.gov.county.campaign.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.complaint.ComplaintModel;
import cn.gov.county.campaign.escalation.AugustCampaign;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Commitments as seeds 000, 002 and 004 say: each member of the leading team signs his own (领导干部
 * 率先垂范), the unit's commitments are made public for a period (承诺公示) on a page anyone can read
 * without logging in, and a response from the public becomes a complaint about that unit.
 */
@CampaignIntegrationTest
class PublicCommitmentsTest {

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDeputySignsHisOwnCommitment_itIsPublishedForItsPeriod_andAPublicResponseBecomesAComplaint() throws Exception {
    // given: the finance bureau's phase 1 up to the leaders' commitments
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 5), 10, 0));
    driver.selfInspectUntilLeadersSign(code, "dept-finance", null);

    // then: the head and the deputy each have their own commitment to sign, assigned to them
    List<Task> signatures = driver.open(code, CampaignModel.SelfInspection.SIGN_LEADER_COMMITMENT);
    assertThat(signatures).extracting(Task::getAssignee).containsExactlyInAnyOrder("finance-head", "finance-deputy");
    Task deputys = signatures.stream().filter(t -> "finance-deputy".equals(t.getAssignee())).findFirst().orElseThrow();

    // and: the liaison cannot sign in the deputy's place
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + deputys.getId() + "/submit-form", leaderForm(
        "替副局长录入的承诺，带头改进作风，分管领域的问题限期整改到位。")).status()).isIn(403, 404);

    // when: the deputy signs as himself, then the head, then the liaison enters the staff's commitments
    var signed = rest.post("finance-deputy", "/engine-rest/task/" + deputys.getId() + "/submit-form", leaderForm(
        "本人分管预算和国库工作，承诺预算批复和资金拨付限时办结，不推诿、不刁难，接受社会监督。"));
    assertThat(signed.status()).as(signed.body()).isEqualTo(204);
    driver.signLeaderCommitments(code, "dept-finance");
    driver.enterStaffCommitments(code, "dept-finance");

    // then: the public page, without login, shows the unit's, the deputy's (by his name) and the staff's commitments
    var page = rest.get(null, "/public/campaigns/" + code + "/commitments");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("县财政局", "单位承诺书", "班子成员承诺", "钱志远", "本人分管预算和国库工作", "干部职工承诺",
        "公示期：2026-08-05 至 2026-08-11");
    assertThat(page.body()).as("only what is published").doesNotContain("走访服务对象", "替副局长录入");
    assertThat(rest.get(null, "/public/campaigns/ZG-0000-NONE/commitments").status()).isEqualTo(404);
    assertThat(rest.get(null, "/engine-rest/task").status()).as("nothing else without login").isEqualTo(401);

    // when: someone from the public responds to the deputy's commitment
    long entry = entryId(page.body(), "钱志远");
    var empty = respond(code, entry, "太短", "");
    var response = respond(code, entry, "预算科办理拨付仍然要跑三趟，承诺的限时办结没有做到。", "138****0000");

    // then: a clear refusal for the bad one; the good one is a complaint about the finance bureau, from 公示反馈
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("反馈内容");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("已收到您的反馈", "受理编号");
    ProcessInstance complaint = driver.runtime.createProcessInstanceQuery().processDefinitionKey(ComplaintModel.PROCESS)
        .variableValueEquals(ComplaintModel.CAMPAIGN_CODE, code).singleResult();
    assertThat(driver.runtime.getVariable(complaint.getId(), ComplaintModel.DEPARTMENT)).isEqualTo("dept-finance");
    assertThat(driver.runtime.getVariable(complaint.getId(), ComplaintModel.SOURCE)).isEqualTo("publicity");
    assertThat((String) driver.runtime.getVariable(complaint.getId(), ComplaintModel.CONTENT))
        .contains("班子成员承诺", "钱志远", "承诺的限时办结没有做到", "138****0000");
    assertThat(driver.tasks.createTaskQuery().processInstanceId(complaint.getId())
        .taskDefinitionKey(ComplaintModel.VERIFY_TASK).taskCandidateGroup("discipline-inspection").count())
        .isEqualTo(1);

    // when: the publicity period is over
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 12), 9, 0));

    // then: the page no longer shows it, and nobody can respond to it any more
    assertThat(rest.get(null, "/public/campaigns/" + code + "/commitments").body()).doesNotContain("钱志远");
    assertThat(respond(code, entry, "公示期过后提交的反馈内容，应当不再受理。", "").statusCode()).isEqualTo(404);
  }

  private static String leaderForm(String commitment) {
    return RestCampaignWalkthrough.form(Map.of("leaderPost", "县财政局副局长，分管预算和国库工作",
        "leaderCommitment", commitment, "leaderCommitmentAgreed", true));
  }

  private static long entryId(String html, String name) {
    Matcher m = Pattern.compile("<article id=\"entry-(\\d+)\"><h3>[^<]*" + name).matcher(html);
    assertThat(m.find()).as("an entry of " + name).isTrue();
    return Long.parseLong(m.group(1));
  }

  private HttpResponse<String> respond(String code, long entry, String content, String contact) throws Exception {
    String body = "content=" + URLEncoder.encode(content, StandardCharsets.UTF_8) + "&contact="
        + URLEncoder.encode(contact, StandardCharsets.UTF_8);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        java.net.URI
            .create("http://localhost:" + port + "/public/campaigns/" + code + "/commitments/" + entry + "/responses"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
