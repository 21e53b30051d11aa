package cn.gov.county.campaign.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office records a regular meeting (例会): each decision that names a unit becomes that unit's
 * problem with its measure task at once; the minutes are numbered and every unit reads them.
 */
@CampaignIntegrationTest
class RegularMeetingProcessTest {

  private static final String START = "/engine-rest/process-definition/key/" + MeetingModel.PROCESS + "/submit-form";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  private static Map<String, Object> meeting(String code, List<Map<String, String>> decisions) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", code);
    form.put("meetingTitle", "领导小组办公室十二月例会纪要");
    form.put("meetingDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    form.put("meetingAttendees", "刘洋、杨帆、黄志刚及各成员单位联络员");
    form.put("meetingMinutes", "会议听取了各单位整改进展汇报，研究了群众反映较多的问题。");
    form.put("meetingDecisions", decisions);
    return form;
  }

  @Test
  void theMeetingsDecisionsBecomeAssignedProblems_andTheMinutesReachEveryUnit() {
    // given: a running campaign without 东风街道
    String code = driver.launch("例会演练", List.of("dept-dongfeng"));

    // when: a decision names a unit that does not take part
    var refused = rest.post("office", START, RestCampaignWalkthrough.form(meeting(code,
        List.of(Map.of("decisionDepartment", "dept-dongfeng", "decisionText", "清理办事窗口门前乱停车")))));
    // then: refused, naming the field and the row
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「会议决定事项」第 1 行的责任单位未参加活动 " + code);

    // when: the office records the meeting with two decisions
    var recorded = rest.post("office", START, RestCampaignWalkthrough.form(meeting(code, List.of(
        Map.of("decisionDepartment", "dept-finance", "decisionText", "财政资金拨付审批时限过长，压缩至五个工作日"),
        Map.of("decisionDepartment", "dept-market", "decisionText", "食品经营许可证办理材料清单公开上墙")))));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    driver.runJobs();

    // then: each unit has the problem with its measure task, source 例会决定
    for (String department : List.of("dept-finance", "dept-market")) {
      var item = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS).processInstanceBusinessKey(code)
          .variableValueEquals(CampaignModel.DEPARTMENT, department).variableValueEquals("source", "meeting")
          .singleResult();
      assertThat(item).as(department).isNotNull();
      assertThat(
          driver.tasks.createTaskQuery().processInstanceId(item.getId())
              .taskDefinitionKey(CampaignModel.RectificationItem.DEFINE_MEASURE)
              .taskCandidateGroup(department).count())
          .isEqualTo(1);
    }
    // and the minutes are numbered, and every participating unit reads them
    String instance = recorded.json().path("id").asText();
    String url = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("noticeUrl").singleResult().getValue();
    var minutes = rest.get("union-liaison", url);
    assertThat(minutes.status()).isEqualTo(200);
    assertThat(minutes.body()).contains("领导小组办公室十二月例会纪要", "县财政局：财政资金拨付审批时限过长",
        "会议决定交办以下事项");
  }
}
