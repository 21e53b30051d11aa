package cn.gov.county.campaign.organization;

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
      new SharedFilter("本部门待办", "本部门（本机构）可认领或已认领的任务", -10, "#2e6da4", true,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
      new SharedFilter("我的待办", "已由我认领、正在办理的任务", -9, "#3c763d", true,
          q -> q.taskAssigneeExpression("${currentUser()}")),
      new SharedFilter("即将到期", "已进入预警期（跟进日期已到）、尚未逾期的任务", -8, "#c09853", true,
          q -> q.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")),
      new SharedFilter("已逾期", "已超过办理时限仍未办结的任务", -7, "#b94a48", true,
          q -> q.dueBeforeExpression("${now()}")),
      new SharedFilter("全部任务", "本人有权查看的全部活动任务", -6, "#555555", false,
          q -> q));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AccessPolicy accessPolicy;

  SharedFilters(FilterService filterService, TaskService taskService, AccessPolicy accessPolicy) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.accessPolicy = accessPolicy;
  }

  void apply(Organization organization) {
    List<String> everyone = new ArrayList<>();
    organization.bodies().forEach(b -> everyone.add(b.id()));
    organization.departments().forEach(d -> everyone.add(d.id()));
    List<String> reviewers = List.of(AccessPolicy.OFFICE, AccessPolicy.AUDITORS, "leading-group");

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
