package cn.gov.county.campaign.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bare Camunda application (benchmark.bare) doing the same shapes: BenchFanOut starts one
 * BenchDepartment instance per department through a parallel multi-instance call activity with
 * asyncBefore; each has one user task for the department's group and a non-interrupting deadline
 * timer. REST is open and authorization off, as the starter's defaults have it.
 */
final class BareApplication implements Subject {

  private final Http http;
  private final int departments;
  private String inboxFilter;

  BareApplication(Http http, int departments) {
    this.http = http;
    this.departments = departments;
  }

  @Override
  public void awaitIdle() {
    CampaignBenchmark.await("jobs done", Duration.ofMinutes(10),
        () -> http.get(null, "/engine-rest/job/count?executable=true").expect(200).json().path("count").asLong() == 0);
  }

  @Override
  public String launch(String name) {
    String key = "bench-" + System.nanoTime();
    http.post(null, "/engine-rest/process-definition/key/BenchFanOut/start",
        "{\"businessKey\":\"" + key + "\",\"variables\":{\"count\":{\"value\":" + departments
            + ",\"type\":\"Integer\"}}}")
        .expect(200);
    CampaignBenchmark.await("every department's task", Duration.ofMinutes(30),
        () -> http.get(null, "/engine-rest/task/count?processInstanceBusinessKey=" + key
            + "&taskDefinitionKey=UserTask_Department").expect(200).json().path("count").asInt() >= departments);
    return key;
  }

  @Override
  public Http.Reply inboxPage() {
    if (inboxFilter == null) {
      inboxFilter = http.post(null, "/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"本部门待办\","
          + "\"query\":{\"candidateGroup\":\"" + Subject.department(1) + "\",\"includeAssignedTasks\":true},"
          + "\"properties\":{}}").expect(200).json().path("id").asText();
    }
    return http.send(null, "POST", "/engine-rest/filter/" + inboxFilter + "/list?firstResult=0&maxResults=15",
        CampaignBenchmark.TASKLIST_PAGE, "application/hal+json").expect(200);
  }

  @Override
  public ClaimedTask claim(String key, int n) {
    String user = Subject.liaison(n);
    JsonNode tasks = http.get(null, "/engine-rest/task?processInstanceBusinessKey=" + key + "&candidateGroup="
        + Subject.department(n)).expect(200).json();
    if (tasks.size() != 1) {
      throw new IllegalStateException(Subject.department(n) + " has " + tasks.size() + " tasks");
    }
    String id = tasks.get(0).path("id").asText();
    http.post(null, "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}").expect(204);
    return new ClaimedTask(id, user);
  }

  @Override
  public Http.Reply submit(ClaimedTask task) {
    return http.post(null, "/engine-rest/task/" + task.id() + "/submit-form", OurApplication.form(
        Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"))).expect(204);
  }

  @Override
  public Storm storm(List<String> keys, int size) throws Exception {
    String timers = "/engine-rest/job?timers=true&processDefinitionKey=BenchDepartment";
    List<String> jobs = new ArrayList<>();
    for (int page = 0; jobs.size() < size; page += 500) {
      JsonNode found = http.get(null, timers + "&firstResult=" + page + "&maxResults=500").expect(200).json();
      if (found.isEmpty()) {
        break;
      }
      found.forEach(job -> {
        if (jobs.size() < size) {
          jobs.add(job.path("id").asText());
        }
      });
    }
    String count = "/engine-rest/job/count?timers=true&processDefinitionKey=BenchDepartment";
    long total = http.get(null, count).expect(200).json().path("count").asLong();
    CampaignBenchmark.DueInstant due = CampaignBenchmark.DueInstant.after(jobs.size());
    CampaignBenchmark.parallel(16, jobs.size(), i -> http.put(null, "/engine-rest/job/" + jobs.get(i) + "/duedate",
        "{\"duedate\":\"" + due.rest() + "\"}").expect(204));
    String note = due.lateness();
    due.sleepUntil();
    CampaignBenchmark.await("every moved timer fired", Duration.ofMinutes(15),
        () -> http.get(null, count).expect(200).json().path("count").asLong() <= total - jobs.size());
    double seconds = (System.currentTimeMillis() - due.epochMillis()) / 1000.0;
    return new Storm(seconds, jobs.size(), -1, note);
  }
}
