package cn.gov.county.campaign.publicity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public notice period (公示期) under {@code campaign.publicity}.
 *
 * @param days how many days a published commitment or rectification result stays on the public
 *             page, the day of publication included (default 7)
 */
@ConfigurationProperties(prefix = "campaign.publicity")
record PublicityProperties(@DefaultValue("7") int days) {

  PublicityProperties {
    if (days < 1) {
      throw new IllegalArgumentException("campaign.publicity.days must be at least 1: " + days);
    }
  }
}
