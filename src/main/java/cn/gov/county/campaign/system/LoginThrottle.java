package cn.gov.county.campaign.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles failed logins per client address and user, in front of every way to log in: HTTP
 * Basic on {@code /engine-rest}, {@code /campaign} and the metrics, and the webapps' login form. Camunda's own
 * throttling counts failures per user, whoever sends them, so a stranger could keep any user (the
 * only administrator, a department on its deadline day) locked out without credentials; it is
 * turned off ({@code login-max-attempts}, {@code login-delay-base} in application.yaml) and
 * replaced by this: after {@code max-failures} failed logins of a user from one address, that
 * address waits before trying that user again (the wait doubles up to {@code max-delay}); the same
 * user from another address is not affected. An address that fails {@code
 * max-failures-per-address} times for any users waits {@code max-delay}. A waiting attempt is
 * answered 429 without asking the engine. Every failed login is logged with user and address.
 *
 * <p>The address is the connection's ({@code getRemoteAddr}); behind a reverse proxy set {@code
 * server.forward-headers-strategy=native} and the proxy's address as trusted, so the client's
 * address is used, never a header a client could forge.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** The webapps' login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  private static final String WEBAPP_LOGIN = "/api/admin/auth/user/";

  @Bean
  FilterRegistrationBean<Filter> loginThrottleFilter(LoginProperties properties,
      @org.springframework.beans.factory.annotation.Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(properties, webappPath));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/campaign/*", "/actuator/prometheus",
        webappPath + WEBAPP_LOGIN + "*");
    registration.setOrder(RestSecurityConfiguration.AUTHENTICATION_ORDER - 1);
    return registration;
  }

  /** Failures of one key (address and user, or address) and until when it waits. */
  private record Failures(int count, Instant waitUntil, Instant last) {
  }

  static class Filter extends OncePerRequestFilter {

    private final LoginProperties properties;
    private final String webappLogin;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    Filter(LoginProperties properties, String webappPath) {
      this.properties = properties;
      this.webappLogin = webappPath + WEBAPP_LOGIN;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = attemptedUser(request);
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
      String address = request.getRemoteAddr();
      String pair = address + "\n" + user;
      Instant now = Instant.now();
      Instant waitUntil = later(waitUntil(pair), waitUntil(address));
      if (waitUntil != null && waitUntil.isAfter(now)) {
        long seconds = Math.max(1, Duration.between(now, waitUntil).toSeconds());
        LOG.warn("Login of {} from {} refused for {} s after repeated failures", user, address, seconds);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("登录失败次数过多，请 " + seconds + " 秒后再试。");
        return;
      }
      chain.doFilter(request, response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        LOG.warn("Failed login of {} from {}", user, address);
        fail(pair, properties.maxFailures(), now, true);
        fail(address, properties.maxFailuresPerAddress(), now, false);
        forgetOld(now);
      } else if (response.getStatus() < 400) {
        failures.remove(pair);
      }
    }

    private void fail(String key, int allowed, Instant now, boolean doubling) {
      failures.compute(key, (k, before) -> {
        int count = before == null ? 1 : before.count() + 1;
        Instant waitUntil = null;
        if (count >= allowed) {
          Duration delay = properties.maxDelay();
          if (doubling) {
            int doublings = Math.min(count - allowed, 20);
            Duration doubled = properties.initialDelay().multipliedBy(1L << doublings);
            delay = doubled.compareTo(delay) < 0 ? doubled : delay;
          }
          waitUntil = now.plus(delay);
        }
        return new Failures(count, waitUntil, now);
      });
    }

    private Instant waitUntil(String key) {
      Failures f = failures.get(key);
      return f == null ? null : f.waitUntil();
    }

    /** Failures older than the longest wait are forgotten, so the table stays small. */
    private void forgetOld(Instant now) {
      if (failures.size() > 10_000) {
        Instant horizon = now.minus(properties.maxDelay());
        failures.entrySet().removeIf(e -> e.getValue().last().isBefore(horizon));
      }
    }

    /** The user a request tries to log in as, or null when it is no login attempt. */
    private String attemptedUser(HttpServletRequest request) {
      String uri = request.getRequestURI().substring(request.getContextPath().length());
      if (uri.startsWith(webappLogin)) {
        return "POST".equals(request.getMethod()) && uri.contains("/login/") ? request.getParameter("username") : null;
      }
      return RequestUsers.claimedBasicUser(request);
    }

    private static Instant later(Instant a, Instant b) {
      if (a == null) {
        return b;
      }
      return b == null || a.isAfter(b) ? a : b;
    }
  }
}
