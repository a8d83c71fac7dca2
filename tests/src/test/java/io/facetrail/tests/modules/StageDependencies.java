package io.facetrail.tests.modules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pipeline stages and the condition "touches at most one of them": a class that depends on two
 * stages (its own counted) wires them together, which only the app may do.
 */
final class StageDependencies {
  /** The pipeline stages: each a module and a top-level package {@code io.facetrail.<stage>}. */
  static final List<String> STAGES = List.of("ingest", "embedder", "tracker", "matcher");

  private StageDependencies() {}

  /** The package pattern of a stage, e.g. {@code io.facetrail.tracker..}. */
  static String packageOf(String stage) {
    return "io.facetrail." + stage + "..";
  }

  /** The stage whose package holds {@code c}, if any. */
  static Optional<String> stageOf(JavaClass c) {
    String name = c.getPackageName();
    return STAGES.stream()
        .filter(s -> name.equals("io.facetrail." + s) || name.startsWith("io.facetrail." + s + "."))
        .findFirst();
  }

  /** Holds when a class, with its own stage, touches at most one stage. */
  static ArchCondition<JavaClass> touchAtMostOneStage() {
    return new ArchCondition<>("depend on at most one pipeline stage (their own, if any)") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Set<String> touched = new TreeSet<>();
        stageOf(item).ifPresent(touched::add);
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          stageOf(d.getTargetClass()).ifPresent(touched::add);
        }
        if (touched.size() > 1) {
          events.add(
              SimpleConditionEvent.violated(
                  item, item.getName() + " wires the stages " + touched + " together"));
        }
      }
    };
  }
}
