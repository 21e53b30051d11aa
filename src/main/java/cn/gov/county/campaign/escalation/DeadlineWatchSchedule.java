package cn.gov.county.campaign.escalation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the deadline watch every {@code campaign.deadlines.scan-interval} (default five minutes).
 * Off with {@code campaign.deadlines.watch=false} (the tests move the clock and scan themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "campaign.deadlines.watch", havingValue = "true", matchIfMissing = true)
class DeadlineWatchSchedule {

  private final DeadlineWatch watch;

  DeadlineWatchSchedule(DeadlineWatch watch) {
    this.watch = watch;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${campaign.deadlines.scan-interval:PT5M}")
  void scan() {
    watch.scan();
  }
}
