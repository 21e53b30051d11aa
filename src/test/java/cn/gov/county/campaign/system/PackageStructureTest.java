package cn.gov.county.campaign.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/**
 * Package by feature, without knots: no two feature packages depend on each other, however
 * indirectly, and {@code system} (security, deployment, pages, shared helpers) depends on no
 * feature, so every feature can be read on top of it. The engine's internal API stays in one place
 * ({@link EngineInternals}) apart from the classes that plug into the engine.
 */
@AnalyzeClasses(packages = "cn.gov.county.campaign", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  /** The engine's extension points (SPI) that exist only in its internal packages. */
  private static final List<String> ENGINE_SPI = List.of(
      "org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin",
      "org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler",
      "org.camunda.bpm.engine.impl.jobexecutor.JobHandler",
      "org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration",
      "org.camunda.bpm.engine.impl.interceptor.CommandInterceptor",
      // the REST API answers 400 for the engine's own form-field exception only
      "org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException");

  /**
   * The helpers of those implementors that work on the engine's entities inside its commands: the
   * history event copies of the audit chain, and the deadline timers' check and first scheduling.
   */
  private static final Set<String> SPI_HELPERS = Set.of(
      "cn.gov.county.campaign.audit.HistorySnapshots",
      "cn.gov.county.campaign.escalation.DeadlineWatch",
      "cn.gov.county.campaign.escalation.DeadlineTimerBackfill");

  private static final DescribedPredicate<JavaClass> MAY_USE_ENGINE_INTERNALS = DescribedPredicate.describe(
      "are EngineInternals, implement an engine SPI (" + String.join(", ", ENGINE_SPI) + ") or are one of "
          + SPI_HELPERS + " (or are nested in one of these)",
      c -> {
        JavaClass outer = topLevel(c);
        return outer.isEquivalentTo(EngineInternals.class) || SPI_HELPERS.contains(outer.getName())
            || ENGINE_SPI.stream().anyMatch(outer::isAssignableTo);
      });

  /**
   * The engine's internal packages, except the caller's authentication: the public
   * {@code IdentityService.getCurrentAuthentication()} answers with that internal class.
   */
  private static final DescribedPredicate<JavaClass> ENGINE_INTERNAL_API = DescribedPredicate.describe(
      "are in org.camunda.bpm.engine.impl.. (except identity.Authentication, which the public IdentityService "
          + "returns)",
      c -> c.getPackageName().startsWith("org.camunda.bpm.engine.impl")
          && !c.getName().equals("org.camunda.bpm.engine.impl.identity.Authentication"));

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("cn.gov.county.campaign.(*)..").should()
      .beFreeOfCycles();

  @ArchTest
  static final ArchRule systemDependsOnNoFeature = noClasses().that()
      .resideInAPackage("cn.gov.county.campaign.system..")
      .should().dependOnClassesThat(DescribedPredicate.<JavaClass>describe("are in a feature package",
          c -> c.getPackageName().startsWith("cn.gov.county.campaign.")
              && !c.getPackageName().startsWith("cn.gov.county.campaign.system")));

  @ArchTest
  static final ArchRule engineInternalsStayInOnePlace = noClasses()
      .that(DescribedPredicate.not(MAY_USE_ENGINE_INTERNALS))
      .should().dependOnClassesThat(ENGINE_INTERNAL_API)
      .because("the engine's internal API is reached through system.EngineInternals; only classes that plug "
          + "into the engine (STYLE.md: no org.camunda.bpm.engine.impl unless there is no public API) use it");

  private static JavaClass topLevel(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }
}
