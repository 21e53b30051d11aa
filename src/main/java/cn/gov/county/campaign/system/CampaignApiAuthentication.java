package cn.gov.county.campaign.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The campaign's own pages and API under {@code /campaign/} (notices, notification records) are
 * for engine users only: a user logged in to Tasklist or Cockpit is recognised by the webapps'
 * session, a script by HTTP Basic. The request then runs with the engine's authentication set
 * (so engine queries apply the user's authorizations) and {@link #current} tells controllers who
 * asks. Everything else answers 401, without a Basic challenge, so that browsers never ask for,
 * cache and replay credentials here.
 *
 * <p>A request the webapps' session authenticates is protected against cross-site forgery as the
 * webapps' own API is: anything but GET, HEAD and OPTIONS must carry the session's CSRF token in
 * {@code X-XSRF-TOKEN}, whatever other headers it has ({@link #csrfToken} gives pages the token).
 */
@Configuration(proxyBeanMethods = false)
public class CampaignApiAuthentication {

  static final String ATTRIBUTE = CampaignApiAuthentication.class.getName();

  /** Where the filter sits among the servlet filters (after the login throttle). */
  public static final int ORDER = RestSecurityConfiguration.AUTHENTICATION_ORDER;

  /** Who asks; see {@link #current}. */
  public record Caller(String userId, List<String> groupIds) {

    /** The working bodies that read every department's records; departments read their own. */
    static final List<String> READ_ALL = List.of(Groups.OFFICE, Groups.AUDITORS, Groups.LEADING_GROUP,
        Groups.DISCIPLINE_INSPECTION, Groups.SUPERVISION_OFFICE, Groups.ORGANIZATION_DEPT, Groups.ADMINS);

    public boolean isIn(String groupId) {
      return groupIds.contains(groupId);
    }

    public boolean readsAll() {
      return groupIds.stream().anyMatch(READ_ALL::contains);
    }

    /** @param department a department's group id, or null for records of no department */
    public boolean reads(String department) {
      return readsAll() || (department != null && groupIds.contains(department));
    }

    /** A campaign's records of one department, or of all departments when {@code department} is null. */
    public boolean readsRecordsOf(String department) {
      return department == null ? readsAll() : reads(department);
    }
  }

  /** An answer for a clerk: a status and one Chinese sentence as plain text. */
  public static ResponseEntity<String> answer(HttpStatus status, String text) {
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(text);
  }

  public static Caller current(HttpServletRequest request) {
    return (Caller) request.getAttribute(ATTRIBUTE);
  }

  /** The CSRF token of the request's webapp session, for a page that writes back; null without a session. */
  public static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
  }

  @Bean
  FilterRegistrationBean<Filter> campaignApiAuthenticationFilter(ProcessEngine engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(engine));
    registration.setName("campaign-api-authentication");
    // the application's own pages and API, and the operators' metrics
    registration.addUrlPatterns("/campaign/*", "/actuator/prometheus");
    registration.setOrder(ORDER);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final ProcessEngine engine;

    Filter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String userId = sessionUser(request);
      if (userId != null && !SAFE_METHODS.contains(request.getMethod()) && !hasSessionToken(request)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("请求缺少有效的防伪令牌（CSRF），未执行。请刷新页面后重试。");
        return;
      }
      if (userId == null) {
        userId = basicUser(request);
      }
      if (userId == null) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("请先登录（任务列表或驾驶舱的账号）。");
        return;
      }
      var identity = engine.getIdentityService();
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId())
          .toList();
      request.setAttribute(ATTRIBUTE, new Caller(userId, groups));
      identity.setAuthentication(userId, groups);
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    private static boolean hasSessionToken(HttpServletRequest request) {
      String expected = csrfToken(request);
      String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      return expected != null && sent != null && java.security.MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private String sessionUser(HttpServletRequest request) {
      return RequestUsers.sessionUser(request, engine);
    }

    private String basicUser(HttpServletRequest request) {
      return RequestUsers.basicUser(request, engine);
    }
  }
}
