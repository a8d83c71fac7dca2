package io.facetrail.runtime.config;

/**
 * A configuration record that checks its own values. Implementations add every problem they find to
 * {@code problems} (never throw), naming each setting by its full path.
 */
public interface Validated {
  void validate(ConfigProblems problems, String path);
}
