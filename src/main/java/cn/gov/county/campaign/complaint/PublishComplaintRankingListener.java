package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.JsonVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the campaign reaches its closing task (记录活动总结), the office is shown the complaints'
 * outcome and the departments with the most substantiated complaints (seed 004: their leaders are
 * held accountable). The table and the summary are stored on the campaign, so its history keeps
 * what the office saw when it closed the campaign.
 */
@Component
class PublishComplaintRankingListener implements ExecutionListener {

  private final Complaints complaints;
  private final OrganizationDirectory directory;

  PublishComplaintRankingListener(Complaints complaints, OrganizationDirectory directory) {
    this.complaints = complaints;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(ComplaintModel.CAMPAIGN_CODE);
    List<ComplaintRecord> records = complaints.ofCampaign(campaignCode);
    List<DepartmentCount> ranking = complaints.ranking(records);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DepartmentCount count : ranking) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("place", count.place());
      row.put("departmentName", count.departmentName());
      row.put("unitCategory", count.unitCategory());
      row.put("complaints", count.complaints());
      row.put("substantiated", count.substantiated());
      row.put("rectified", count.rectified());
      rows.add(row);
    }
    execution.getProcessInstance().setVariable(ComplaintModel.RANKING_TABLE, JsonVariables.of(rows));
    execution.getProcessInstance().setVariable(ComplaintModel.RANKING_SUMMARY, summary(records, ranking));
  }

  String summary(List<ComplaintRecord> records, List<DepartmentCount> ranking) {
    if (records.isEmpty()) {
      return "本次活动没有登记投诉举报。";
    }
    long substantiated = records.stream().filter(ComplaintRecord::isSubstantiated).count();
    long unsubstantiated = records.stream().filter(r -> Boolean.FALSE.equals(r.substantiated())).count();
    long pending = records.size() - substantiated - unsubstantiated;
    StringBuilder text = new StringBuilder("本次活动共登记投诉举报 " + records.size() + " 件：查实 " + substantiated
        + " 件，不属实 " + unsubstantiated + " 件");
    text.append(pending > 0 ? "，尚待核实 " + pending + " 件。" : "。");
    if (ranking.isEmpty()) {
      return text.append("没有查实的投诉举报。").toString();
    }
    List<String> most = new ArrayList<>();
    for (DepartmentCount count : ranking) {
      if (count.place() == 1) {
        String head = directory.departments().stream().filter(d -> d.id().equals(count.department())).findFirst()
            .map(Organization.Department::head).map(Organization.Person::name).orElse(null);
        most.add(count.departmentName() + (head == null ? "" : "（主要领导：" + head + "）"));
      }
    }
    return text.append("被查实投诉举报最多的单位：").append(String.join("、", most))
        .append(most.size() > 1 ? "，各 " : "，")
        .append(ranking.get(0).substantiated()).append(" 件。")
        .append("按照“对被举报和查实最多的单位主要领导进行问责”的要求，请研究提出问责意见。")
        .toString();
  }
}
