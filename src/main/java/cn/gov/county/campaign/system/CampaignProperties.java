package cn.gov.county.campaign.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The product's own settings, under the prefix {@code campaign}.
 *
 * @param organizationFile the county's organization (bodies, departments, people); YAML
 * @param demoUsers        create every person of the organization file as a user whose password
 *                         equals its id (the demo setup); off in the {@code prod} profile
 * @param publicUrl        the address users reach the application at; links in mail start with it
 */
@ConfigurationProperties(prefix = "campaign")
public record CampaignProperties(Resource organizationFile, boolean demoUsers, String publicUrl) {

  public CampaignProperties {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
  }

  /** The task in Tasklist, for links in mail. */
  public String taskLink(String taskId) {
    return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public String link(String path) {
    return publicUrl + path;
  }
}
