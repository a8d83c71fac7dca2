package io.facetrail.runtime.config;

import java.util.List;

/** Configuration that cannot be used; the message lists every problem found, one per line. */
public final class InvalidConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidConfigurationException(String source, List<String> problems) {
    super(format(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as "path: what is wrong". */
  public List<String> problems() {
    return problems;
  }

  private static String format(String source, List<String> problems) {
    StringBuilder sb =
        new StringBuilder("invalid configuration")
            .append(source == null ? "" : " (" + source + ")")
            .append(": ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
