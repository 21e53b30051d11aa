package cn.gov.county.campaign.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package by feature, without knots: no two feature packages depend on each other, however
 * indirectly, and {@code system} (security, deployment, pages, shared helpers) depends on no
 * feature, so every feature can be read on top of it.
 */
@AnalyzeClasses(packages = "cn.gov.county.campaign", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("cn.gov.county.campaign.(*)..").should()
      .beFreeOfCycles();

  @ArchTest
  static final ArchRule systemDependsOnNoFeature = noClasses().that()
      .resideInAPackage("cn.gov.county.campaign.system..")
      .should().dependOnClassesThat(DescribedPredicate.<JavaClass>describe("are in a feature package",
          c -> c.getPackageName().startsWith("cn.gov.county.campaign.")
              && !c.getPackageName().startsWith("cn.gov.county.campaign.system")));
}
