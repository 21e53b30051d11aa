package cn.gov.county.campaign.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's own pages and API under {@code /campaign/} (notices, the survey upload page,
 * rankings, records) are sent with a content security policy and frame protection, whatever the
 * profile: scripts only from this server's files (no inline script: a page's data cannot become
 * code), no plugins, no framing by other sites (clickjacking), no MIME sniffing. Inline styles
 * stay allowed: the printable notices keep their layout in one file, also in the export.
 */
@Configuration(proxyBeanMethods = false)
class PageHeaders {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<Filter> pageHeadersFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("campaign-page-headers");
    registration.addUrlPatterns("/campaign/*");
    registration.setOrder(RestSecurityConfiguration.AUTHENTICATION_ORDER - 2);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "same-origin");
      chain.doFilter(request, response);
    }
  }
}
