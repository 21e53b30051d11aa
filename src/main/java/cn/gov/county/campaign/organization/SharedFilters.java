package cn.gov.county.campaign.organization;

import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Chinese. Each filter only narrows what the user may see anyway:
 * a department's "全部任务" is still only its own tasks.
 */
@Component
class SharedFilters {

  private record SharedFilter(String name, String description, int priority, String color,
      boolean forEveryone, UnaryOperator<TaskQuery> criteria) {
  }

  private static final List<SharedFilter> FILTERS = List.of(
      // one list for the liaison and the unit head: the head's own tasks (assigned to him, not
      // offered to the unit) are here too, so his first screen shows them
      new SharedFilter("本部门待办", "本部门（本机构）可认领或已认领的任务，以及分配给我本人的任务", -10, "#2e6da4", true,
          q -> q.or().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .taskAssigneeExpression("${currentUser()}").endOr()),
      new SharedFilter("我的待办", "已由我认领、正在办理的任务", -9, "#3c763d", true,
          q -> q.taskAssigneeExpression("${currentUser()}")),
      new SharedFilter("即将到期", "已进入预警期（跟进日期已到）、尚未逾期的任务", -8, "#c09853", true,
          q -> q.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")),
      new SharedFilter("已逾期", "已超过办理时限仍未办结的任务", -7, "#b94a48", true,
          q -> q.dueBeforeExpression("${now()}")),
      new SharedFilter("全部任务", "本人有权查看的全部活动任务", -6, "#555555", false,
          q -> q));

  static final String UNIT_FILTER_PREFIX = "单位：";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AccessPolicy accessPolicy;

  SharedFilters(FilterService filterService, TaskService taskService, AccessPolicy accessPolicy) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.accessPolicy = accessPolicy;
  }

  void apply(Organization organization) {
    applyShared(organization);
    applyUnitFilters(organization);
  }

  /**
   * For the office, one filter per unit ("单位：县财政局"): the tasks offered to the unit and the
   * tasks of its instances (its head's, the office's reviews of its reports). Ordered after the
   * campaigns' filters ({@link CampaignFilters}).
   */
  private void applyUnitFilters(Organization organization) {
    int priority = 100;
    for (Organization.Department department : organization.departments()) {
      String name = UNIT_FILTER_PREFIX + department.name();
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(name).setOwner("admin");
      }
      TaskQuery query = taskService.createTaskQuery()
          .or().taskCandidateGroup(department.id()).includeAssignedTasks()
          .processVariableValueEquals("department", department.id()).endOr()
          .orderByDueDate().asc();
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", department.name() + "的全部待办任务（含单位主要负责人的任务和办公室对其报告的审核）");
      properties.put("priority", priority++);
      properties.put("color", "#666666");
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("department", department.id());
      filter.setQuery(query);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
      accessPolicy.grant(Groups.OFFICE, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private void applyShared(Organization organization) {
    List<String> everyone = new ArrayList<>();
    organization.bodies().forEach(b -> everyone.add(b.id()));
    organization.departments().forEach(d -> everyone.add(d.id()));
    List<String> reviewers = List.of(Groups.OFFICE, Groups.AUDITORS, Groups.LEADING_GROUP);

    for (SharedFilter definition : FILTERS) {
      Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name()).setOwner("admin");
      }
      TaskQuery query = definition.criteria().apply(taskService.createTaskQuery()).orderByDueDate().asc();
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", definition.description());
      properties.put("priority", definition.priority());
      properties.put("color", definition.color());
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      filter.setQuery(query);
      filter.setProperties(properties);
      filterService.saveFilter(filter);

      for (String group : definition.forEveryone() ? everyone : reviewers) {
        accessPolicy.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }
}
