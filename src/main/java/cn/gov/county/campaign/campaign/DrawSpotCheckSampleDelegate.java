package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.system.JsonVariables;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Draws (or takes) the spot-check sample and records how: method, seed, sample. */
@Component
class DrawSpotCheckSampleDelegate implements JavaDelegate {

  private final CampaignDepartments departments;
  private final SecureRandom seeds = new SecureRandom();

  DrawSpotCheckSampleDelegate(CampaignDepartments departments) {
    this.departments = departments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> participating = departments.ids(execution);
    List<String> sample;
    if ("designated".equals(execution.getVariable("samplingMethod"))) {
      Set<String> designated = new HashSet<>();
      JsonVariables.read(execution, "designatedDepartments").forEach(id -> designated.add(id.asText()));
      sample = SpotCheckSampler.designated(participating, designated);
      execution.setVariable("spotCheckMethod", "designated");
    } else {
      Number givenSeed = (Number) execution.getVariable("randomSeed");
      long seed = givenSeed != null ? givenSeed.longValue() : Math.abs(seeds.nextLong() % 1_000_000_000L);
      Number size = (Number) execution.getVariable("sampleSize");
      sample = SpotCheckSampler.random(participating, size == null ? 1 : size.intValue(), seed);
      execution.setVariable("spotCheckMethod", "random");
      execution.setVariable("spotCheckSeed", seed);
    }
    execution.setVariable("spotCheckSample", JsonVariables.of(sample));
  }
}
