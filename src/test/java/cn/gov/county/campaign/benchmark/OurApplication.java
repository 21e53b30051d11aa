package cn.gov.county.campaign.benchmark;

import cn.gov.county.campaign.campaign.CampaignModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product driven through /engine-rest as its users would drive it: the office launches a
 * campaign with the start form and records the mobilization; departments' liaisons open 本部门待办
 * and submit their work plans (validated and authorized on the server); the administrator moves
 * due dates. Reminders are counted as they reach the mail server.
 */
final class OurApplication implements Subject {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private final Http http;
  private final int departments;
  private final GreenMail mail;
  private String inboxFilter;

  OurApplication(Http http, int departments, GreenMail mail) {
    this.http = http;
    this.departments = departments;
    this.mail = mail;
  }

  @Override
  public void awaitIdle() {
    CampaignBenchmark.await("jobs done", Duration.ofMinutes(10),
        () -> http.get("admin", "/engine-rest/job/count?executable=true").expect(200).json().path("count")
            .asLong() == 0);
  }

  @Override
  public String launch(String name) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignName", name);
    form.put("campaignCode", "");
    form.put("documentNumber", "示委办〔2026〕99号");
    form.put("excludedDepartments", List.of());
    form.put("mobilizationStart", TODAY.minusDays(1).toString());
    form.put("mobilizationEnd", TODAY.plusDays(10).toString());
    form.put("discussionStart", TODAY.minusDays(1).toString());
    form.put("discussionEnd", TODAY.plusDays(8).toString());
    LocalDate due = TODAY.plusDays(15);
    while (due.getDayOfWeek().getValue() > 5) {
      due = due.plusDays(1); // the launch form wants a working day
    }
    form.put("selfInspectionDueDate", due.toString());
    form.put("researchStart", TODAY.plusDays(11).toString());
    form.put("researchEnd", TODAY.plusDays(25).toString());
    form.put("rectificationStart", TODAY.plusDays(26).toString());
    form.put("rectificationEnd", TODAY.plusDays(40).toString());
    form.put("consolidationStart", TODAY.plusDays(41).toString());
    form.put("consolidationEnd", TODAY.plusDays(60).toString());
    form.put("excludedChecklistItems", List.of());
    form.put("additionalChecklistItems", "");
    String instance = http
        .post("office", "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/submit-form",
            form(form))
        .expect(200).json().path("id").asText();

    String[] mobilization = new String[1];
    CampaignBenchmark.await("the office's mobilization task", Duration.ofMinutes(5), () -> {
      JsonNode tasks = http.get("office", "/engine-rest/task?processInstanceId=" + instance
          + "&taskDefinitionKey=" + CampaignModel.Campaign.RECORD_MOBILIZATION).expect(200).json();
      mobilization[0] = tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
      return mobilization[0] != null;
    });
    http.post("office", "/engine-rest/task/" + mobilization[0] + "/claim", "{\"userId\":\"office\"}").expect(204);
    http.post("office", "/engine-rest/task/" + mobilization[0] + "/submit-form", form(Map.of(
        "opinionsIssuedOn", TODAY.toString(), "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", TODAY.toString(), "mobilizationMeetingNotes", "召开全县动员大会。"))).expect(204);
    String code = http.get("office", "/engine-rest/process-instance/" + instance).expect(200).json()
        .path("businessKey").asText();
    // polled as the administrator: authorization checks on a count of 2,000 tasks would cost the
    // measured application a good part of one core (the bare application has no authorization)
    CampaignBenchmark.await("every department's work plan task", Duration.ofMinutes(30),
        () -> http.get("admin", "/engine-rest/task/count?processInstanceBusinessKey=" + code
            + "&taskDefinitionKey=" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN).expect(200).json().path("count")
            .asInt() >= departments);
    return code;
  }

  @Override
  public Http.Reply inboxPage() {
    String user = Subject.liaison(1);
    if (inboxFilter == null) {
      JsonNode filters = http.get(user, "/engine-rest/filter?resourceType=Task&name="
          + URLEncoder.encode("本部门待办", StandardCharsets.UTF_8)).expect(200).json();
      inboxFilter = filters.get(0).path("id").asText();
    }
    return http.send(user, "POST", "/engine-rest/filter/" + inboxFilter + "/list?firstResult=0&maxResults=15",
        CampaignBenchmark.TASKLIST_PAGE, "application/hal+json").expect(200);
  }

  @Override
  public ClaimedTask claim(String code, int n) {
    String user = Subject.liaison(n);
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN).expect(200).json();
    if (tasks.size() != 1) {
      throw new IllegalStateException(user + " sees " + tasks.size() + " work plan tasks");
    }
    String id = tasks.get(0).path("id").asText();
    http.post(user, "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}").expect(204);
    return new ClaimedTask(id, user);
  }

  @Override
  public Http.Reply submit(ClaimedTask task) {
    return http.post(task.user(), "/engine-rest/task/" + task.id() + "/submit-form",
        form(Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"))).expect(204);
  }

  @Override
  public Storm storm(List<String> codes, int size) throws Exception {
    List<ObjectNode> tasks = new ArrayList<>();
    for (String code : codes) {
      for (JsonNode task : http.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + code
          + "&taskDefinitionKey=" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN + "&maxResults=" + departments)
          .expect(200).json()) {
        if (tasks.size() < size) {
          tasks.add((ObjectNode) task);
        }
      }
    }
    // the administrator moves every due date to one instant (and clears the follow-up date, so no
    // "due soon" reminder comes first); each task's deadline timer moves with it
    CampaignBenchmark.DueInstant due = CampaignBenchmark.DueInstant.after(tasks.size());
    CampaignBenchmark.parallel(16, tasks.size(), i -> {
      JsonNode task = tasks.get(i);
      ObjectNode update = Http.JSON.createObjectNode();
      for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState",
          "parentTaskId", "caseInstanceId", "tenantId")) {
        update.set(field, task.path(field));
      }
      update.put("due", due.rest()).putNull("followUp");
      http.put("admin", "/engine-rest/task/" + task.path("id").asText(), update.toString()).expect(204);
    });
    String note = due.lateness();
    due.sleepUntil();

    // every overdue reminder that reached the mail server (GreenMail lists messages per mailbox, so
    // all are counted again on every look)
    Map<String, Integer> reminded = new HashMap<>();
    long[] doneAt = {0};
    CampaignBenchmark.await("every overdue reminder mailed", Duration.ofMinutes(15), () -> {
      reminded.clear();
      for (MimeMessage message : mail.getReceivedMessages()) {
        countOverdue(message, reminded);
      }
      if (reminded.size() >= tasks.size() && doneAt[0] == 0) {
        doneAt[0] = System.currentTimeMillis();
      }
      return doneAt[0] != 0;
    });
    double seconds = (doneAt[0] - due.epochMillis()) / 1000.0;
    awaitIdle(); // late duplicates would arrive now
    reminded.clear();
    for (MimeMessage message : mail.getReceivedMessages()) {
      countOverdue(message, reminded);
    }
    int duplicates = reminded.values().stream().mapToInt(count -> count - 1).sum();
    return new Storm(seconds, reminded.size(), duplicates, note);
  }

  /**
   * An overdue reminder by its Message-ID, which the application keeps for every attempt at the
   * same notification: a second message with it is a duplicate.
   */
  private static void countOverdue(MimeMessage message, Map<String, Integer> reminded) {
    try {
      if (message.getSubject() != null && message.getSubject().startsWith("【已逾期】")) {
        reminded.merge(message.getMessageID(), 1, Integer::sum);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Submit-form variables as Tasklist sends them: lists as Json, the rest as String. */
  static String form(Map<String, Object> values) {
    ObjectNode root = Http.JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    values.forEach((name, value) -> {
      ObjectNode dto = variables.putObject(name);
      if (value instanceof List<?>) {
        dto.put("type", "Json").put("value", Http.JSON.valueToTree(value).toString());
      } else if (value instanceof Integer i) {
        dto.put("type", "Integer").put("value", i);
      } else {
        dto.put("type", "String").put("value", (String) value);
      }
    });
    return root.toString();
  }
}
