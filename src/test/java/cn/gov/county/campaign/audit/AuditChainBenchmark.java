package cn.gov.county.campaign.audit;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test (surefire's patterns do not pick it up): prints what the audit chain adds to the REST
 * walkthrough and to a batch of task completions. Run it alone:
 * {@code mvn -B -o test -Dtest=AuditChainBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dexec.skip=true}
 */
@CampaignIntegrationTest
class AuditChainBenchmark {

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditChainVerifier verifier;

  @LocalServerPort
  int port;

  @Test
  void printWhatTheChainCosts() {
    // warm-up: one walkthrough and a few completions, not counted
    new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("审计链基准预热");
    completions(20);

    for (int run = 1; run <= 3; run++) {
      AuditStatistics.Sample before = AuditStatistics.sample();
      long start = System.nanoTime();
      String code = new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("审计链基准活动" + run);
      double wall = (System.nanoTime() - start) / 1e6;
      print("REST walkthrough " + run, wall, AuditStatistics.sample().minus(before));
      start = System.nanoTime();
      AuditVerification verification = verifier.verify(code);
      System.out.printf("AUDIT-BENCHMARK verifying it: %.0f ms for %d entries and %d rows, clean %s%n",
          (System.nanoTime() - start) / 1e6, verification.checkedEntries(), verification.checkedRows(),
          verification.clean());
    }
    for (int run = 1; run <= 3; run++) {
      AuditStatistics.Sample before = AuditStatistics.sample();
      long start = System.nanoTime();
      completions(200);
      double wall = (System.nanoTime() - start) / 1e6;
      print("200 information requests started and completed " + run, wall, AuditStatistics.sample().minus(before));
    }
    long start = System.nanoTime();
    var all = verifier.verifyAll();
    System.out.printf(
        "AUDIT-BENCHMARK verifying every chain of the test database: %.0f ms, %d chains, %d entries, %d rows%n",
        (System.nanoTime() - start) / 1e6, all.size(), all.stream().mapToInt(AuditVerification::checkedEntries).sum(),
        all.stream().mapToInt(AuditVerification::checkedRows).sum());
  }

  /** n information requests: start, claim and complete the department's task (Java API, no HTTP). */
  private void completions(int n) {
    for (int i = 0; i < n; i++) {
      Task task = CampaignRest.requestInformation(engine.getRuntimeService(), engine.getTaskService(), "dept-finance",
          "基准测试报送" + i);
      engine.getTaskService().claim(task.getId(), "finance-liaison");
      engine.getTaskService().complete(task.getId(), Map.of("reportContent", "本单位已按要求落实，现报送如下情况。"));
    }
  }

  private static void print(String what, double wallMillis, AuditStatistics.Sample audit) {
    System.out.printf("AUDIT-BENCHMARK %s: %.0f ms in all, audit chain %.0f ms (%.1f%%: copying events %.0f ms, "
        + "appending %.0f ms), %d entries in %d transactions, %.2f ms per transaction%n", what, wallMillis,
        audit.millis(), 100 * audit.millis() / wallMillis, audit.snapshotNanos() / 1e6, audit.appendNanos() / 1e6,
        audit.entries(), audit.appends(), audit.appends() == 0 ? 0 : audit.appendNanos() / 1e6 / audit.appends());
  }
}
