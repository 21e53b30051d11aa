package cn.gov.county.campaign.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling ({@code campaign.security.login.*}): see {@link LoginThrottle}.
 *
 * @param maxFailures            failed logins of one user from one address before that pair waits
 * @param initialDelay           the first wait; it doubles with every further failure
 * @param maxDelay               the longest wait
 * @param maxFailuresPerAddress  failed logins from one address, for any users, before the whole
 *                               address waits {@code maxDelay} (password spraying)
 */
@ConfigurationProperties(prefix = "campaign.security.login")
public record LoginProperties(Integer maxFailures, Duration initialDelay, Duration maxDelay,
    Integer maxFailuresPerAddress) {

  public LoginProperties {
    maxFailures = maxFailures == null ? 5 : maxFailures;
    initialDelay = initialDelay == null ? Duration.ofSeconds(30) : initialDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
    maxFailuresPerAddress = maxFailuresPerAddress == null ? 100 : maxFailuresPerAddress;
  }
}
