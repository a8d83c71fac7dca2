package io.facetrail.runtime.testing;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The one way a FaceTrail test may skip itself: every skip in the code base goes through here (the
 * tests module's {@code SkipRulesTest} forbids JUnit assumptions and {@code @Disabled} elsewhere).
 *
 * <p>On a developer's machine a test whose prerequisite is missing (shared data, a Debian server)
 * is skipped with a message naming it. Under CI ({@code CI=true} or {@code
 * FACETRAIL_REQUIRE_SHARED_DATA=true}) a skip is a failure, because a green CI run that silently
 * ran fewer tests proves less than it claims; a test class may be exempted only by naming it in the
 * system property {@value #ALLOWED_PROPERTY} (comma-separated simple or full class names, set in
 * the parent POM, empty today).
 */
public final class Skips {
  public static final String ALLOWED_PROPERTY = "facetrail.test.allowedSkips";

  private Skips() {}

  /** Skips (fails under CI) the calling test unless {@code condition} holds. */
  public static void unless(boolean condition, String missing) {
    if (!condition) {
      skip(missing);
    }
  }

  /** Skips (fails under CI) the calling test: {@code missing} names what it needs and lacks. */
  public static void skip(String missing) {
    if (strict() && !allowed()) {
      throw new AssertionError(
          missing
              + "; under CI a test may not skip (CI=true or FACETRAIL_REQUIRE_SHARED_DATA=true)"
              + " unless its class is listed in -D"
              + ALLOWED_PROPERTY);
    }
    Assumptions.abort("SKIPPED: " + missing);
  }

  /** True when a skip must fail: set by CI and by {@code .ci/run}. */
  static boolean strict() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getenv(SharedData.REQUIRE_ENV));
  }

  private static boolean allowed() {
    Set<String> names =
        Arrays.stream(System.getProperty(ALLOWED_PROPERTY, "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    if (names.isEmpty()) {
      return false;
    }
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getDeclaringClass)
                    .anyMatch(
                        c -> names.contains(c.getName()) || names.contains(c.getSimpleName())));
  }
}
