package cn.gov.county.campaign.organization;

import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One shared Tasklist filter per running campaign: "整改活动：2026年机关作风建设活动（ZG-2026-XXXX）",
 * the tasks of every instance with the campaign's code as business key that the user may see
 * anyway (a department still sees only its own). It appears with the campaign's first task and
 * goes when the campaign ends; {@link #synchronize()} repairs both at start-up. The filter carries
 * the code in its properties ({@code campaignCode}).
 */
@Component
public class CampaignFilters {

  public static final String NAME_PREFIX = "整改活动：";
  private static final String CAMPAIGN_PROCESS = "RectificationCampaignProcess";
  private static final String CODE = "campaignCode";

  private final FilterService filters;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AccessPolicy accessPolicy;
  private final Organization organization;
  /** Codes whose filter this node has seen or made, so a task's creation costs no query. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  CampaignFilters(@Lazy FilterService filters, @Lazy TaskService tasks, @Lazy RuntimeService runtime,
      AccessPolicy accessPolicy, Organization organization) {
    this.filters = filters;
    this.tasks = tasks;
    this.runtime = runtime;
    this.accessPolicy = accessPolicy;
    this.organization = organization;
  }

  public static String nameOf(String campaignName, String code) {
    return NAME_PREFIX + (campaignName == null || campaignName.isBlank() ? code : campaignName + "（" + code + "）");
  }

  /**
   * The campaign's filter exists while the campaign runs (called for each new task of a campaign).
   *
   * @param ofCampaignInstance the task belongs to the campaign's own instance (which may not be
   *     committed yet, so a query would not find it running)
   */
  public void ensure(String code, String campaignName, boolean ofCampaignInstance) {
    if (code == null || code.isBlank() || known.contains(code)) {
      return;
    }
    boolean present = EngineInternals.withoutAuthorizationInCommand(() -> {
      if (!find(code).isEmpty()) {
        return true;
      }
      if (ofCampaignInstance || running(code)) {
        create(code, campaignName);
        return true;
      }
      return false;
    });
    if (present) {
      known.add(code);
    }
  }

  /** The campaign has ended: its filter goes. */
  public void remove(String code) {
    known.remove(code);
    EngineInternals.withoutAuthorizationInCommand(() -> {
      find(code).forEach(f -> filters.deleteFilter(f.getId()));
      return null;
    });
  }

  /** Every running campaign has its filter and no ended one keeps it. */
  public void synchronize() {
    Map<String, String> running = new LinkedHashMap<>();
    for (ProcessInstance campaign : runtime.createProcessInstanceQuery().processDefinitionKey(CAMPAIGN_PROCESS)
        .active().list()) {
      if (campaign.getBusinessKey() != null) {
        running.put(campaign.getBusinessKey(), (String) runtime.getVariable(campaign.getId(), "campaignName"));
      }
    }
    for (ProcessInstance campaign : runtime.createProcessInstanceQuery().processDefinitionKey(CAMPAIGN_PROCESS)
        .suspended().list()) {
      if (campaign.getBusinessKey() != null) {
        running.put(campaign.getBusinessKey(), (String) runtime.getVariable(campaign.getId(), "campaignName"));
      }
    }
    for (Filter filter : filters.createTaskFilterQuery().filterNameLike(NAME_PREFIX + "%").list()) {
      Object code = filter.getProperties() == null ? null : filter.getProperties().get(CODE);
      if (code == null || !running.containsKey(code.toString())) {
        filters.deleteFilter(filter.getId());
      }
    }
    running.forEach((code, name) -> {
      if (find(code).isEmpty()) {
        create(code, name);
      }
      known.add(code);
    });
  }

  private boolean running(String code) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code).count() > 0;
  }

  private List<Filter> find(String code) {
    List<Filter> found = new ArrayList<>();
    for (Filter filter : filters.createTaskFilterQuery().filterNameLike(NAME_PREFIX + "%").list()) {
      if (filter.getProperties() != null && code.equals(filter.getProperties().get(CODE))) {
        found.add(filter);
      }
    }
    return found;
  }

  private void create(String code, String campaignName) {
    Filter filter = filters.newTaskFilter(nameOf(campaignName, code)).setOwner("admin");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "本活动（" + code + "）中本人有权查看的全部待办任务");
    properties.put("priority", 10);
    properties.put("color", "#31708f");
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put(CODE, code);
    filter.setQuery(tasks.createTaskQuery().processInstanceBusinessKey(code).orderByDueDate().asc());
    filter.setProperties(properties);
    filters.saveFilter(filter);
    List<String> readers = new ArrayList<>();
    organization.bodies().forEach(b -> readers.add(b.id()));
    organization.departments().forEach(d -> readers.add(d.id()));
    readers.add(Groups.AUDITORS);
    for (String group : readers.stream().distinct().toList()) {
      accessPolicy.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
