package cn.gov.county.campaign.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The verifier from a shell: with {@code --campaign.audit.verify=<campaign code or ALL>} the
 * application verifies against its configured database, prints the Chinese report and exits with
 * 0 when clean, 1 when something was deleted or altered, 2 for an unknown campaign.
 * {@link AuditVerifyEnvironment} turns the web server, the job executor and the deadline watch off
 * for such a run.
 */
@Component
@ConditionalOnProperty(AuditVerifyEnvironment.PROPERTY)
class AuditVerificationRunner implements ApplicationRunner {

  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int UNKNOWN = 2;

  private final AuditChainVerifier verifier;
  private final Environment environment;
  private final ConfigurableApplicationContext context;

  AuditVerificationRunner(AuditChainVerifier verifier, Environment environment,
      ConfigurableApplicationContext context) {
    this.verifier = verifier;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int status = verifyAndReport(environment.getProperty(AuditVerifyEnvironment.PROPERTY), out);
    out.flush();
    System.exit(SpringApplication.exit(context, () -> status));
  }

  /** Verifies the campaign (or every chain for ALL), prints the report, answers the exit status. */
  int verifyAndReport(String target, PrintStream out) {
    List<AuditVerification> results;
    if ("ALL".equalsIgnoreCase(target.strip())) {
      results = verifier.verifyAll();
    } else if (verifier.knows(target.strip())) {
      results = List.of(verifier.verify(target.strip()));
    } else {
      out.println(AuditVerificationController.unknown(target.strip()));
      return UNKNOWN;
    }
    out.print(AuditReport.text(results));
    return results.stream().allMatch(AuditVerification::clean) ? CLEAN : FINDINGS;
  }
}
