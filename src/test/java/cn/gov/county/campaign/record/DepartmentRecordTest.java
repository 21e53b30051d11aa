package cn.gov.county.campaign.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.complaint.ComplaintModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.system.CampaignDates;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The finance bureau's record in an August campaign, read as the auditor reads it: a late work
 * plan and an overdue discussion record, a survey round that put it last and the admonishment talk
 * the office confirmed, a substantiated complaint, and the problems these put on its list. All of
 * it comes from what the processes recorded.
 */
@CampaignIntegrationTest
class DepartmentRecordTest {

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRecordShowsDeadlinesSurveyComplaintsEscalationAndProblemsFromHistory() {
    CampaignDriver driver = new CampaignDriver(engine);
    CampaignRest rest = new CampaignRest(port);
    String code = AugustCampaign.launch(driver, AugustCampaign.ALL);

    // the work plan (due Thursday 08-20) is delivered on Tuesday 08-25: 3 working days late
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 8, 25)));
    driver.complete(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance"), "finance-liaison",
        Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"));

    // a survey round puts the finance bureau last among government departments; the office confirms the talk
    AugustCampaign.surveyPuttingFinanceLast(driver, code);

    // a complaint against it is verified as substantiated
    String complaint = engine.getRuntimeService().startProcessInstanceByKey(ComplaintModel.PROCESS, Map.of(
        "campaignCode", code, "department", "dept-finance", "complaintSource", "hotline", "receivedOn", "2026-08-24",
        "complaintContent", "群众反映窗口工作人员办理业务推诿扯皮，要求多次往返提交材料。")).getId();
    driver.runJobs();
    driver.complete(task(complaint, ComplaintModel.VERIFY_TASK), "inspector",
        Map.of("substantiated", "yes", "verificationReason", "经调取窗口记录和回访当事人，情况属实。"));

    CampaignRest.Reply reply = rest.get("auditor",
        "/campaign/api/campaigns/" + code + "/departments/dept-finance/record");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode record = reply.json();
    assertThat(record.path("departmentName").asText()).isEqualTo("县财政局");
    assertThat(record.path("phases"))
        .extracting(p -> p.path("phase").asText() + "：" + (p.path("completedAt").isNull() ? "未完成" : "完成"))
        .containsExactly("宣传发动和自查自纠：未完成");
    assertThat(record.path("deadlines")).extracting(d -> d.path("task").asText() + "：" + d.path("status").asText())
        .contains("制定工作方案：逾期3个工作日办结", "对照清单自查：已逾期3个工作日，未办结",
            // the discussion window closed on Wednesday 08-12 and took the unrecorded discussion with it
            "记录大讨论情况：到期未办理，已关闭");
    assertThat(record.path("deadlines")).filteredOn(d -> d.path("task").asText().equals("制定工作方案"))
        .singleElement().satisfies(d -> assertThat(d.path("completedBy").asText()).isEqualTo("finance-liaison"));
    assertThat(record.path("surveys")).singleElement().satisfies(s -> {
      assertThat(s.path("score").asText()).isEqualTo("78.00");
      assertThat(s.path("rank").asInt() + "/" + s.path("categorySize").asInt()).isEqualTo("4/4");
      assertThat(s.path("officeDecision").asText()).isEqualTo("确认启动");
    });
    assertThat(record.path("escalationSteps"))
        .extracting(s -> s.path("stepLabel").asText() + " " + s.path("noticeNumber").asText())
        .singleElement().asString().startsWith("诫勉谈话 " + code + "〔2026〕");
    assertThat(record.path("complaints")).singleElement().satisfies(c -> {
      assertThat(c.path("substantiated").asBoolean()).isTrue();
      assertThat(c.path("problemCode").asText()).startsWith(code + "-finance-");
    });
    assertThat(record.path("problems")).extracting(p -> p.path("source").asText() + " " + p.path("closed").asBoolean())
        .containsExactlyInAnyOrder("满意度测评 false", "群众投诉 false");

    // the department reads its own record, not another's; the page prints the same
    assertThat(
        rest.get("finance-liaison", "/campaign/api/campaigns/" + code + "/departments/dept-finance/record").status())
        .isEqualTo(200);
    assertThat(
        rest.get("education-liaison", "/campaign/api/campaigns/" + code + "/departments/dept-finance/record").status())
        .isEqualTo(403);
    assertThat(rest.get("auditor", "/campaign/api/campaigns/ZG-NONE/departments/dept-finance/record").status())
        .isEqualTo(404);
    assertThat(rest.get("office", "/campaign/campaigns/" + code + "/departments/dept-finance").body())
        .contains("县财政局活动档案").contains("逾期3个工作日办结").contains("诫勉谈话").contains("群众投诉");
  }

  private Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
  }

  private static Date at(LocalDate day) {
    return Date.from(day.atTime(10, 0).atZone(CampaignDates.CHINA).toInstant());
  }
}
