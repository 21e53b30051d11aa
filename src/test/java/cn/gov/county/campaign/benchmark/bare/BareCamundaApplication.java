package cn.gov.county.campaign.benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The benchmark's yardstick: a bare Camunda 7.24 application with the starter's defaults (engine,
 * REST, webapps, job executor, authorization off) and one shape, {@code bare-benchmark/*.bpmn}: a
 * parallel multi-instance call activity with {@code asyncBefore}, one user task per department.
 * It reads only {@code bare-benchmark.yaml}, never the product's {@code application.yaml}, and the
 * benchmark starts it on a classpath without the product's classes. Only auto-configuration, no
 * {@code @Configuration} or component scan: the product's Spring tests scan this package and must
 * find nothing here.
 */
@EnableAutoConfiguration
public class BareCamundaApplication {

  public static void main(String[] args) {
    System.setProperty("spring.config.name", "bare-benchmark");
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
