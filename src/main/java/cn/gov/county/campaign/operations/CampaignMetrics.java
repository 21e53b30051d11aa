package cn.gov.county.campaign.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the office's operators watch (Prometheus, {@code /actuator/prometheus}): the engine's job
 * backlog, failed jobs and incidents, overdue tasks per running campaign, notifications waiting or
 * failing, and the size of the audit chain. Gauges read the database when scraped, except the
 * per-campaign counts, which are refreshed every minute (a campaign starts and ends rarely).
 */
@Component
class CampaignMetrics implements MeterBinder {

  static final String CAMPAIGN_PROCESS = "RectificationCampaignProcess";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private MultiGauge overdue;

  CampaignMetrics(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("campaign.jobs.backlog", () -> engine.getManagementService().createJobQuery().executable().count())
        .description("Jobs due now and not yet executed").register(registry);
    Gauge.builder("campaign.jobs.failed", () -> engine.getManagementService().createJobQuery().withException().count())
        .description("Jobs whose last execution failed (retrying or out of retries)").register(registry);
    Gauge.builder("campaign.incidents", () -> engine.getRuntimeService().createIncidentQuery().count())
        .description("Open incidents (e.g. mail that could not be sent after every retry)").register(registry);
    for (String status : List.of("PENDING", "RETRYING")) {
      Gauge.builder("campaign.notifications", () -> count(
          "SELECT COUNT(*) FROM campaign_notification WHERE status = ?", status))
          .tag("status", status).description("Notifications waiting to be mailed or failing").register(registry);
    }
    Gauge.builder("campaign.audit.entries", () -> count("SELECT COUNT(*) FROM campaign_audit_entry"))
        .description("Entries in the audit chain (written in the same transaction as the history they seal)")
        .register(registry);
    overdue = MultiGauge.builder("campaign.tasks.overdue")
        .description("Open tasks past their due date, per running campaign").register(registry);
    refresh();
  }

  /** The overdue tasks of each running campaign. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void refresh() {
    if (overdue == null) {
      return;
    }
    Date now = new Date();
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (ProcessInstance campaign : engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CAMPAIGN_PROCESS).list()) {
      String code = campaign.getBusinessKey();
      long tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).dueBefore(now).count();
      rows.add(MultiGauge.Row.of(Tags.of("campaign", code), tasks));
    }
    overdue.register(rows, true);
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
