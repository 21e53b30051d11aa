package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.gov.county.campaign.organization.UnitPeople;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Start forms pick a campaign from a list instead of typing its code. A start form cannot read
 * process variables in Tasklist, and campaigns come and go while the forms stay deployed, so the
 * options are filled in when a form is fetched: a field marked {@code "properties": {"options":
 * "campaigns"}} gets the running campaigns, one marked {@code "allCampaigns"} also the ended ones,
 * newest first, labelled "名称（编号）" with the code as value. This covers Tasklist's path
 * ({@code /camunda/api/engine/.../deployed-start-form}) and the REST API's; the server still checks
 * the submitted code (the forms' rules), so a value typed past the list is refused as before.
 * A task form's field marked {@code "unitPeople"} gets the people of the task's unit ({@link UnitPeople}),
 * for the responsible person of a problem; the problem forms' rules check that choice too.
 */
@Configuration(proxyBeanMethods = false)
class CampaignOptions {

  static final String RUNNING = "campaigns";
  static final String ALL = "allCampaigns";
  static final String UNIT_PEOPLE = "unitPeople";
  private static final String START_FORM = "/deployed-start-form";
  private static final String TASK_FORM = "/deployed-form";
  private static final Pattern TASK_ID = Pattern.compile("/task/([^/]+)" + TASK_FORM + "$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<Filter> campaignOptionsFilter(HistoryService history, IdentityService identity,
      TaskService tasks, UnitPeople people) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(history, identity, tasks, people));
    registration.setName("campaign-options");
    registration.addUrlPatterns("/engine-rest/process-definition/*", "/engine-rest/task/*", "/camunda/api/engine/*");
    return registration;
  }

  record Option(String label, String value) {
  }

  static class Filter extends OncePerRequestFilter {
    private final HistoryService history;
    private final IdentityService identity;
    private final TaskService tasks;
    private final UnitPeople people;

    Filter(HistoryService history, IdentityService identity, TaskService tasks, UnitPeople people) {
      this.history = history;
      this.identity = identity;
      this.tasks = tasks;
      this.people = people;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"GET".equals(request.getMethod())
          || !(request.getRequestURI().endsWith(START_FORM) || request.getRequestURI().endsWith(TASK_FORM));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_OK) {
        Matcher task = TASK_ID.matcher(request.getRequestURI());
        byte[] filled = withCampaigns(wrapper.getContentAsByteArray(), task.find() ? task.group(1) : null);
        if (filled != null) {
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(filled);
        }
      }
      wrapper.copyBodyToResponse();
    }

    /** The form with its marked fields' options filled in, or null when it has none; taskId for a task's form. */
    byte[] withCampaigns(byte[] form, String taskId) throws IOException {
      JsonNode root;
      try {
        root = JSON.readTree(form);
      } catch (IOException notJson) {
        return null;
      }
      if (root == null) {
        return null;
      }
      List<JsonNode> marked = root.findParents("properties").stream()
          .filter(field -> List.of(RUNNING, ALL, UNIT_PEOPLE).contains(field.path("properties").path("options").asText()))
          .toList();
      if (marked.isEmpty()) {
        return null;
      }
      Map<Boolean, List<Option>> byScope = new HashMap<>();
      for (JsonNode field : marked) {
        if (UNIT_PEOPLE.equals(field.path("properties").path("options").asText())) {
          ArrayNode values = ((ObjectNode) field).putArray("values");
          unitPeople(taskId).forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
          continue;
        }
        boolean all = ALL.equals(field.path("properties").path("options").asText());
        List<Option> options = byScope.computeIfAbsent(all, this::campaigns);
        ArrayNode values = ((ObjectNode) field).putArray("values");
        options.forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
      }
      return JSON.writeValueAsBytes(root);
    }

    /** The people of the task's unit (its "department" variable); none for a start form. */
    List<Option> unitPeople(String taskId) {
      if (taskId == null) {
        return List.of();
      }
      Object department = EngineInternals.withoutUser(identity, () -> {
        try {
          return tasks.getVariable(taskId, "department");
        } catch (RuntimeException noSuchTask) {
          return null;
        }
      });
      return people.of(department instanceof String d ? d : null).stream()
          .map(p -> new Option(p.label(), p.name())).toList();
    }

    /** Campaigns newest first; read without the caller's authorization (codes and names are no secret). */
    List<Option> campaigns(boolean includeEnded) {
      return EngineInternals.withoutUser(identity, () -> {
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS);
        if (!includeEnded) {
          query.unfinished();
        }
        List<HistoricProcessInstance> campaigns = query.list().stream()
            .filter(c -> c.getBusinessKey() != null && !c.getBusinessKey().isBlank())
            .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
            .toList();
        Map<String, String> names = new HashMap<>();
        if (!campaigns.isEmpty()) {
          history.createHistoricVariableInstanceQuery().variableName("campaignName")
              .processInstanceIdIn(campaigns.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
              .list().forEach(v -> names.put(v.getProcessInstanceId(), String.valueOf(v.getValue())));
        }
        return campaigns.stream().map(c -> new Option(
            names.getOrDefault(c.getId(), "整改活动") + "（" + c.getBusinessKey() + "）"
                + (c.getEndTime() == null ? "" : "（已结束）"), c.getBusinessKey())).toList();
      });
    }
  }
}
