package cn.gov.county.campaign;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignApplication {

  public static void main(String[] args) {
    SpringApplication.run(CampaignApplication.class, args);
  }
}
