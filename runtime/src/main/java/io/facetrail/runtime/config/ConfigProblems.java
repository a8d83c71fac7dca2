package io.facetrail.runtime.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects configuration problems, each tied to the path of the setting at fault. */
public final class ConfigProblems {
  private final List<String> problems = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();

  /**
   * Records a problem with the setting at {@code path}. Only the first problem of a path is kept: a
   * value already reported as malformed (and replaced by its default) is not reported again.
   */
  public void add(String path, String message) {
    if (paths.add(path)) {
      problems.add(path + ": " + message);
    }
  }

  /** Records {@code message} unless {@code ok}. */
  public void require(boolean ok, String path, String message) {
    if (!ok) {
      add(path, message);
    }
  }

  /** Checks that {@code value} lies in {@code [min, max]}. */
  public void range(long value, long min, long max, String path) {
    require(value >= min && value <= max, path, "is " + value + ", must be in " + min + ".." + max);
  }

  /** Checks that {@code value} lies in {@code [min, max]}. */
  public void range(double value, double min, double max, String path) {
    require(value >= min && value <= max, path, "is " + value + ", must be in " + min + ".." + max);
  }

  /** Checks that a required value was given. */
  public void required(Object value, String path) {
    require(value != null && !(value instanceof String s && s.isBlank()), path, "is required");
  }

  /** Validates a nested section when present. */
  public void section(Validated section, String path) {
    if (section == null) {
      add(path, "section is missing");
    } else {
      section.validate(this, path);
    }
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<String> list() {
    return List.copyOf(problems);
  }

  /** Throws when any problem was recorded. */
  public void throwIfAny(String source) {
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(source, problems);
    }
  }

  /** Joins a parent path and a child name. */
  public static String path(String parent, String child) {
    return parent == null || parent.isEmpty() ? child : parent + "." + child;
  }
}
