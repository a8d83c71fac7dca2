package io.facetrail.tests.modules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of issue 20 on the main classes of every module (this module sees them all
 * through the app): contracts depend on nothing of ours; the face library knows no Kafka; no
 * pipeline stage (ingest, embedder, tracker, matcher) depends on another; only the app wires stages
 * together. Test code is not imported: tests may wire stages as they like.
 *
 * <p>No violation is frozen or allowed: the one there was (the matcher hosting the tracker) is now
 * composed by the app ({@code io.facetrail.app.hosting}). Libraries the stages share (contracts,
 * runtime, shots, faces) are not stages: the matcher's use of the face library follows the rules.
 */
class ModuleRulesTest {
  private static JavaClasses classes;

  /** Test classes in the test-jars on the class path (runtime's {@code SharedData}). */
  private static final ImportOption NO_TEST_JARS =
      location -> !location.matches(Pattern.compile(".*-tests\\.jar.*"));

  @BeforeAll
  static void importEveryModule() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages("io.facetrail");
  }

  @Test
  void everyModuleIsImported() {
    // A rule over a module whose classes were not found would pass without checking anything.
    for (String module :
        List.of(
            "contracts",
            "shots",
            "runtime",
            "faces",
            "ingest",
            "embedder",
            "tracker",
            "matcher",
            "outbound",
            "api",
            "trainer",
            "evaluation",
            "benchmarks",
            "app")) {
      assertThat(classes.that(resideInAPackage("io.facetrail." + module + "..")))
          .as(module)
          .isNotEmpty();
    }
  }

  @Test
  void contractsDependOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("io.facetrail.contracts..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.facetrail..")
                .and(not(resideInAPackage("io.facetrail.contracts.."))))
        .because("every module reads the contracts; they must not pull any module in")
        .check(classes);
  }

  @Test
  void theFaceLibraryKnowsNoKafka() {
    noClasses()
        .that()
        .resideInAPackage("io.facetrail.faces..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka..")
        .because("the face models are a library: the embedder, the trainer and the tools use them")
        .check(classes);
  }

  @Test
  void noStageDependsOnAnother() {
    List<ArchRule> rules = new ArrayList<>();
    for (String stage : StageDependencies.STAGES) {
      String[] others =
          StageDependencies.STAGES.stream()
              .filter(s -> !s.equals(stage))
              .map(StageDependencies::packageOf)
              .toArray(String[]::new);
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(StageDependencies.packageOf(stage))
              .should()
              .dependOnClassesThat(resideInAnyPackage(others))
              .because("a stage stands alone; the app composes stages"));
    }
    CompositeArchRule.of(rules).check(classes);
  }

  @Test
  void onlyTheAppWiresStagesTogether() {
    classes()
        .that()
        .resideOutsideOfPackage("io.facetrail.app..")
        .should(StageDependencies.touchAtMostOneStage())
        .check(classes);
  }

  @Test
  void theApiUsesTheMatchersGalleryAndNoOtherStage() {
    noClasses()
        .that()
        .resideInAPackage("io.facetrail.api..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                "io.facetrail.ingest..",
                "io.facetrail.embedder..",
                "io.facetrail.tracker..",
                "io.facetrail.app..",
                "io.facetrail.matcher.stream.."))
        .because(
            "the API is a product surface over the gallery (the matcher's library), the topics and"
                + " index outputs; the app composes it into run")
        .check(classes);
  }

  @Test
  void outboundIntegrationsUseNoStage() {
    noClasses()
        .that()
        .resideInAPackage("io.facetrail.outbound..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                "io.facetrail.ingest..",
                "io.facetrail.embedder..",
                "io.facetrail.tracker..",
                "io.facetrail.matcher..",
                "io.facetrail.api..",
                "io.facetrail.app.."))
        .because(
            "outbound reads the identity topic only (contracts and runtime); the app composes it"
                + " into a process")
        .check(classes);
  }

  @Test
  void everyStreamsApplicationRunsInTheHost() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.facetrail.runtime.streams..")
        .should()
        .callConstructorWhere(target(owner(assignableTo(KafkaStreams.class))))
        .because(
            "StreamsHost gives every Streams application one failure policy and one meaning of"
                + " ready (runtime/README.md)")
        .check(classes);
  }
}
