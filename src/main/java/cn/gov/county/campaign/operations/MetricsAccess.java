package cn.gov.county.campaign.operations;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/health} (with its liveness and readiness groups) answers everybody with its
 * status only, for load balancers. The Prometheus metrics are for the office's operators: the
 * caller is authenticated like every {@code /campaign} request ({@link CampaignApiAuthentication},
 * also mapped to {@value #METRICS}) and must be a member of {@code campaign-office} or
 * {@code camunda-admin}; anyone else gets 403.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

  static final String METRICS = "/actuator/prometheus";
  static final Set<String> OPERATORS = Set.of(Groups.OFFICE, Groups.ADMINS);

  @Bean
  FilterRegistrationBean<Filter> metricsAccessFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("metrics-access");
    registration.addUrlPatterns(METRICS);
    registration.setOrder(CampaignApiAuthentication.ORDER + 1);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
      if (caller == null || caller.groupIds().stream().noneMatch(OPERATORS::contains)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("只有领导小组办公室或系统管理员可以查看运行指标。");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
