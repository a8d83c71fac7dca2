package io.facetrail.tests.skips;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the ways a JUnit test can skip itself without going through {@code Skips}: assumptions
 * (JUnit 4 and 5), {@code @Disabled} and the conditional-execution annotations. Reads source text:
 * the rule is about what a developer wrote, and the test sources of other modules are not on this
 * module's class path.
 */
final class SkipScanner {
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\bAssumptions\\b|\\bassume(True|False|That)\\b|\\bassumingThat\\b|\\borg\\.junit\\.Assume\\b"
              + "|@Disabled\\b|@(Enabled|Disabled)(If|On|For)\\w*");

  private SkipScanner() {}

  /** The offending lines of one source file, as {@code name:line: text}. */
  static List<String> offences(String name, String source) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String code = line.strip();
      if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
        continue; // Documentation may name what it forbids.
      }
      if (FORBIDDEN.matcher(line).find()) {
        found.add(name + ":" + (i + 1) + ": " + code);
      }
    }
    return found;
  }
}
