package cn.gov.county.campaign.form;

import cn.gov.county.campaign.system.RequestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Fills a form's option lists when Tasklist ({@code /camunda/api/engine/...}) or the REST API
 * ({@code /engine-rest/...}) fetches a start or task form ({@code deployed-start-form},
 * {@code deployed-form}): a field marked {@code "properties": {"options": "<source>"}} gets the
 * options of the {@link FormOptionSource} bean of that name (campaign lists, a unit's people, the
 * asking department's own problems). Only a 200 answer is filled, so only a caller the engine let
 * read the form (and the task) sees options; the forms' rules still check every submitted value.
 * Static option marks ({@code "departments"}) are filled at deployment by system.ModelDeployer.
 */
@Configuration(proxyBeanMethods = false)
class FormOptions {

  private static final String START_FORM = "/deployed-start-form";
  private static final String TASK_FORM = "/deployed-form";
  private static final Pattern TASK_ID = Pattern.compile("/task/([^/]+)" + TASK_FORM + "$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<Filter> formOptionsFilter(ProcessEngine engine, List<FormOptionSource> sources) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(engine, sources));
    registration.setName("form-options");
    registration.addUrlPatterns("/engine-rest/process-definition/*", "/engine-rest/task/*", "/camunda/api/engine/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {
    private final ProcessEngine engine;
    private final Map<String, FormOptionSource> sources;

    Filter(ProcessEngine engine, List<FormOptionSource> sources) {
      this.engine = engine;
      this.sources = sources.stream().collect(Collectors.toMap(FormOptionSource::name, Function.identity()));
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
        byte[] filled = filled(wrapper.getContentAsByteArray(), task.find() ? task.group(1) : null, request);
        if (filled != null) {
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(filled);
        }
      }
      wrapper.copyBodyToResponse();
    }

    /** The form with its marked fields' options filled in, or null when nothing changed; taskId for a task's form. */
    byte[] filled(byte[] form, String taskId, HttpServletRequest request) throws IOException {
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
          .filter(field -> sources.containsKey(field.path("properties").path("options").asText()))
          .toList();
      if (marked.isEmpty()) {
        return null;
      }
      FormOptionSource.Fetch fetch = new FormOptionSource.Fetch(root.path("id").asText(), taskId, user(request));
      Map<String, Optional<List<FormOptionSource.Option>>> bySource = new HashMap<>();
      boolean changed = false;
      for (JsonNode field : marked) {
        String name = field.path("properties").path("options").asText();
        Optional<List<FormOptionSource.Option>> options = bySource.computeIfAbsent(name,
            n -> sources.get(n).options(fetch));
        if (options.isPresent()) {
          ArrayNode values = ((ObjectNode) field).putArray("values");
          options.get().forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
          changed = true;
        }
      }
      return changed ? JSON.writeValueAsBytes(root) : null;
    }

    /** Who fetched the form: the webapps' session user, or on /engine-rest the Basic user (the engine accepted them: 200). */
    private String user(HttpServletRequest request) {
      String sessionUser = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")
          ? null
          : RequestUsers.sessionUser(request, engine);
      return sessionUser != null ? sessionUser : RequestUsers.claimedBasicUser(request);
    }
  }
}
