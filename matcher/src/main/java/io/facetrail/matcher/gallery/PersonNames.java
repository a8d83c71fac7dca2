package io.facetrail.matcher.gallery;

import io.facetrail.runtime.text.DisplayText;
import java.util.Optional;

/**
 * The one rule for person names, applied wherever a name enters a gallery (enrolment, rename,
 * import, {@code run --enroll} folder names): not blank, at most {@value #MAX_CODE_POINTS} code
 * points, and none of the characters that could rewrite a terminal or reorder displayed text
 * ({@link DisplayText#isUnsafe}: control characters, bidi overrides and isolates). Names are shown
 * in identity events, reports and on operators' terminals.
 */
public final class PersonNames {
  /** Longest name accepted, in code points: far above any real name, far below a flood. */
  public static final int MAX_CODE_POINTS = 200;

  private PersonNames() {}

  /** What is wrong with {@code name}, or empty when it is acceptable. Never echoes the name. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("a person's name must not be empty");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_CODE_POINTS) {
      return Optional.of(
          "a person's name is "
              + length
              + " characters long, over the limit of "
              + MAX_CODE_POINTS);
    }
    int bad = DisplayText.firstUnsafe(name);
    if (bad >= 0) {
      return Optional.of(
          "a person's name must not contain control characters or bidi overrides (found "
              + DisplayText.codePointName(bad)
              + ")");
    }
    return Optional.empty();
  }

  /**
   * Checks a name.
   *
   * @return the name
   * @throws InvalidNameException when {@link #problem} finds something wrong
   */
  public static String checked(String name) {
    problem(name)
        .ifPresent(
            p -> {
              throw new InvalidNameException(p);
            });
    return name;
  }
}
