package cn.gov.county.campaign.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The product's own settings, under the prefix {@code campaign}.
 *
 * @param organizationFile the county's organization (bodies, departments, people); YAML
 * @param demoUsers        create every person of the organization file as a user whose password
 *                         equals its id (the demo setup); off in the {@code prod} profile
 */
@ConfigurationProperties(prefix = "campaign")
public record CampaignProperties(Resource organizationFile, boolean demoUsers) {
}
