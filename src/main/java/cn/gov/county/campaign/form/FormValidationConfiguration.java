package cn.gov.county.campaign.form;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the form check in front of both ways into the engine's REST API.
 *
 * <p>The filter must run after authentication: after our {@code /engine-rest} Basic filter and
 * after the webapps' session filter, which Camunda's starter registers itself. Initializers added
 * to the web server factory run after every Spring-registered filter, so mapping it here puts it
 * last in the chain for both paths.
 */
@Configuration(proxyBeanMethods = false)
class FormValidationConfiguration {

  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> formSubmissionFilter(ProcessEngine engine,
      ObjectProvider<FormRule> rules,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String webappEngineApi = webappPath + "/api/engine";
    FormSubmissionFilter filter = new FormSubmissionFilter(engine, List.of(restPath, webappEngineApi),
        () -> rules.orderedStream().toList());
    return factory -> factory.addInitializers(servletContext -> {
      FilterRegistration.Dynamic registration = servletContext.addFilter("form-submission-validation", filter);
      registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true,
          restPath + "/*", webappEngineApi + "/*");
    });
  }
}
