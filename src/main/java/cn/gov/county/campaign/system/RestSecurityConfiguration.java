package cn.gov.county.campaign.system;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} is open in a bare Camunda install. Here every request to it needs HTTP
 * Basic credentials of an engine user; without them it answers 401, and the engine's
 * authorizations decide what an authenticated user may do.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  static final int AUTHENTICATION_ORDER = 10;

  @Bean
  FilterRegistrationBean<RestAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<RestAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new RestAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName()));
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** Camunda's filter leaves the engine list ({@code /engine}) open; this one does not. */
  static class RestAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    /** "/engine/" names no engine; authenticate against the default one instead of answering 404. */
    @Override
    protected String extractEngineName(String requestUrl) {
      String name = super.extractEngineName(requestUrl);
      return name.isEmpty() ? DEFAULT_ENGINE_NAME : name;
    }
  }
}
