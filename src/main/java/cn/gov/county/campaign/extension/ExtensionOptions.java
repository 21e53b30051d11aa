package cn.gov.county.campaign.extension;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The extension's start form lists the asking department's own open problems (those with a
 * deadline, in running campaigns): a start form cannot read process variables, so, as for the
 * campaign lists ({@code campaign.CampaignOptions}), the field marked {@code "properties":
 * {"options": "ownProblems"}} is filled when Tasklist or the REST API fetches the form, for the
 * user who fetched it (the webapps' session, or the Basic credentials the engine has just
 * accepted: the form is filled only on a 200 answer). The list is a convenience; the form's rule
 * checks the submitted problem on every path.
 */
@Configuration(proxyBeanMethods = false)
class ExtensionOptions {

  private static final String START_FORM = "/deployed-start-form";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<Filter> extensionOptionsFilter(ProcessEngine engine, ProblemRegister register) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(engine, register));
    registration.setName("extension-options");
    registration.addUrlPatterns("/engine-rest/process-definition/*", "/camunda/api/engine/*");
    return registration;
  }

  record Option(String label, String value) {
  }

  static class Filter extends OncePerRequestFilter {
    private final ProcessEngine engine;
    private final ProblemRegister register;

    Filter(ProcessEngine engine, ProblemRegister register) {
      this.engine = engine;
      this.register = register;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith(START_FORM);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_OK) {
        byte[] filled = withProblems(wrapper.getContentAsByteArray(), user(request));
        if (filled != null) {
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(filled);
        }
      }
      wrapper.copyBodyToResponse();
    }

    /** The form with its problem list filled for the user, or null when it is not the extension's form. */
    byte[] withProblems(byte[] form, String userId) throws IOException {
      JsonNode root;
      try {
        root = JSON.readTree(form);
      } catch (IOException notJson) {
        return null;
      }
      if (root == null || !ExtensionModel.START_FORM.equals(root.path("id").asText())) {
        return null;
      }
      List<JsonNode> marked = root.findParents("properties").stream()
          .filter(f -> ExtensionModel.OWN_PROBLEMS_OPTIONS.equals(f.path("properties").path("options").asText()))
          .toList();
      if (marked.isEmpty()) {
        return null;
      }
      List<Option> options = userId == null ? List.of() : problems(userId);
      for (JsonNode field : marked) {
        ArrayNode values = ((ObjectNode) field).putArray("values");
        options.forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
      }
      return JSON.writeValueAsBytes(root);
    }

    /** The open problems with a deadline of the user's departments, in running campaigns, by code. */
    List<Option> problems(String userId) {
      IdentityService identity = engine.getIdentityService();
      RuntimeService runtime = engine.getRuntimeService();
      return EngineInternals.withoutUser(identity, () -> {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<Option> options = new ArrayList<>();
        for (String group : groups) {
          for (ProcessInstance item : runtime.createProcessInstanceQuery()
              .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
              .variableValueEquals(CampaignModel.DEPARTMENT, group).list()) {
            Map<String, Object> v = runtime.getVariables(item.getId(), List.of("problemCode", "description",
                ProblemRegister.RECTIFICATION_DEADLINE));
            Object deadline = v.get(ProblemRegister.RECTIFICATION_DEADLINE);
            if (deadline == null || String.valueOf(deadline).isBlank() || register.campaign(item.getBusinessKey()).isEmpty()) {
              continue;
            }
            String description = String.valueOf(v.get("description"));
            options.add(new Option(v.get("problemCode") + "：" + (description.length() > 40
                ? description.substring(0, 40) + "…" : description) + "（整改时限 " + deadline + "）",
                String.valueOf(v.get("problemCode"))));
          }
        }
        options.sort(Comparator.comparing(Option::value));
        return options;
      });
    }

    /** Who fetched the form: the webapps' session user, or on /engine-rest the Basic user (the engine accepted them: 200). */
    private String user(HttpServletRequest request) {
      HttpSession session = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/") ? null
          : request.getSession(false);
      if (session != null) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        var authentication = authentications == null ? null
            : authentications.getAuthenticationForProcessEngine(engine.getName());
        if (authentication != null) {
          return authentication.getName();
        }
      }
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
