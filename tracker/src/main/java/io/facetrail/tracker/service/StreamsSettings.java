package io.facetrail.tracker.service;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.streams.StateDirectory;
import java.util.regex.Pattern;

/**
 * The tracker's Kafka Streams application.
 *
 * @param applicationId consumer group and prefix of the changelog topics; every instance of one
 *     deployment shares it
 * @param stateDir where the local state stores live (a persistent volume in containers, so a
 *     restart need not restore from the changelog); empty: the per-user {@link StateDirectory}
 * @param threads stream threads in this process
 */
public record StreamsSettings(String applicationId, String stateDir, int threads)
    implements Validated {
  private static final Pattern LEGAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  /** An empty {@code stateDir} is the per-user default ({@link StateDirectory}). */
  public StreamsSettings {
    stateDir = StateDirectory.orDefault(stateDir, applicationId);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    String id = ConfigProblems.path(path, "applicationId");
    problems.required(applicationId, id);
    if (applicationId != null) {
      problems.require(
          LEGAL_ID.matcher(applicationId).matches(), id, "must be 1-200 of A-Z a-z 0-9 . _ -");
    }
    problems.required(stateDir, ConfigProblems.path(path, "stateDir"));
    problems.range(threads, 1, 64, ConfigProblems.path(path, "threads"));
  }
}
