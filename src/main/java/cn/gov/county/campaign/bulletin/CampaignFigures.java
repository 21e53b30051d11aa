package cn.gov.county.campaign.bulletin;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.record.DepartmentRecord;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** A running campaign's participating units and each unit's figures, as the bulletin and the quarterly report state them. */
@Component
class CampaignFigures {

  private final RuntimeService runtime;

  CampaignFigures(RuntimeService runtime) {
    this.runtime = runtime;
  }

  ProcessInstance campaign(String code) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code).listPage(0, 1).stream().findFirst().orElse(null);
  }

  List<String> participating(ProcessInstance campaign) {
    List<String> ids = new ArrayList<>();
    if (campaign != null) {
      for (JsonNode node : JsonVariables.toJson(runtime.getVariableTyped(campaign.getId(),
          CampaignModel.PARTICIPATING_DEPARTMENTS, false))) {
        ids.add(node.path("id").asText());
      }
    }
    return ids;
  }

  /** One unit's line: on-time rate, overdue open work, escalations, cases, problems, verified complaints. */
  static Map<String, Object> row(DepartmentRecord record) {
    List<DepartmentRecord.Deadline> done = record.deadlines().stream()
        .filter(d -> d.completedAt() != null && d.status().contains("办结")).toList();
    long onTime = done.stream().filter(d -> d.workingDaysLate() == 0).count();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("department", record.department());
    row.put("departmentName", record.departmentName());
    row.put("unitCategory", record.unitCategory());
    row.put("onTimeRate",
        done.isEmpty() ? "—" : Math.round(100.0 * onTime / done.size()) + "%（" + onTime + "/" + done.size() + "）");
    row.put("overdueOpen", (int) record.deadlines().stream()
        .filter(d -> d.completedAt() == null && d.workingDaysLate() > 0).count());
    row.put("escalations", (int) record.escalationSteps().stream().filter(s -> !"stop".equals(s.decision())).count());
    row.put("cases", record.supervisionMeasures().size());
    row.put("problemsClosed", (int) record.problems().stream().filter(DepartmentRecord.Problem::closed).count());
    row.put("problemsOpen", (int) record.problems().stream().filter(p -> !p.closed()).count());
    row.put("verifiedComplaints", (int) record.complaints().stream().filter(c -> c.isSubstantiated()).count());
    return row;
  }

  /** The units' lines as a bulletin or report states them, one per line. */
  static String lines(JsonNode rows) {
    StringBuilder text = new StringBuilder();
    for (JsonNode row : rows) {
      text.append(row.path("departmentName").asText()).append("：按时办结率").append(row.path("onTimeRate").asText())
          .append("，逾期未办结").append(row.path("overdueOpen").asInt()).append("项，督办")
          .append(row.path("escalations").asInt())
          .append("次，督查问责").append(row.path("cases").asInt()).append("起，问题已销号")
          .append(row.path("problemsClosed").asInt()).append("个、整改中").append(row.path("problemsOpen").asInt())
          .append("个，投诉举报查实").append(row.path("verifiedComplaints").asInt()).append("件。\n");
    }
    return text.toString();
  }
}
