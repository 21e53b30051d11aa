package cn.gov.county.campaign.guard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The refusal answer on both ways into the engine's REST API. */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

  @Bean
  FilterRegistrationBean<RefusalResponseFilter> refusalResponseFilter(
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<RefusalResponseFilter> registration = new FilterRegistrationBean<>(
        new RefusalResponseFilter());
    registration.setName("submission-refusal-answer");
    registration.addUrlPatterns(restPath + "/*", webappPath + "/api/engine/*", webappPath + "/api/cockpit/*");
    return registration;
  }
}
