package io.facetrail.api.config;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;

/**
 * The live event feed: the identity topic read from its start (within its retention) into a bounded
 * window of recent events, and the tracks topic for each track's best face thumbnail.
 *
 * @param enabled whether to read the topics at all (off: no live or recent events)
 * @param recentEvents events kept in memory for the recent-events endpoint and SSE resumption
 * @param recentWindow events older than this are dropped from memory
 * @param thumbnails track thumbnails kept in memory (least recently used dropped first); 0: the
 *     tracks topic is not read
 * @param liveClients the most Server-Sent Events clients served at once (each holds a thread)
 * @param liveQueue events queued per live client; a client that falls this far behind is
 *     disconnected (it may resume from its last event id)
 * @param keepAlive how often an idle live connection gets a comment, so proxies keep it open and a
 *     vanished client is noticed
 * @param sweepInterval how often memory is swept of events past the window and of events naming
 *     persons the gallery no longer has
 * @param statusInterval how often the ingest services' stream status ({@code ingestStatus}) is read
 * @param statusTimeout how long one status request may take before the service counts as
 *     unreachable
 * @param statusToken the bearer token of the ingest services' status API (their {@code
 *     http.apiToken})
 */
public record EventSettings(
    boolean enabled,
    int recentEvents,
    Duration recentWindow,
    int thumbnails,
    int liveClients,
    int liveQueue,
    Duration keepAlive,
    Duration sweepInterval,
    Duration statusInterval,
    Duration statusTimeout,
    Secret statusToken)
    implements Validated {
  public EventSettings {
    keepAlive = keepAlive == null ? Duration.ofSeconds(15) : keepAlive;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
    statusInterval = statusInterval == null ? Duration.ofSeconds(5) : statusInterval;
    statusTimeout = statusTimeout == null ? Duration.ofSeconds(2) : statusTimeout;
    statusToken = statusToken == null ? Secret.of("") : statusToken;
  }

  /** The feed with the default live-client, sweep and status settings. */
  public EventSettings(boolean enabled, int recentEvents, Duration recentWindow, int thumbnails) {
    this(enabled, recentEvents, recentWindow, thumbnails, 500, 1000, null, null, null, null, null);
  }

  /** The same settings keeping at most {@code events} events in memory. */
  public EventSettings withRecentEvents(int events) {
    return new EventSettings(
        enabled,
        events,
        recentWindow,
        thumbnails,
        liveClients,
        liveQueue,
        keepAlive,
        sweepInterval,
        statusInterval,
        statusTimeout,
        statusToken);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.range(recentEvents, 1, 10_000_000, ConfigProblems.path(path, "recentEvents"));
    problems.range(thumbnails, 0, 10_000_000, ConfigProblems.path(path, "thumbnails"));
    problems.range(liveClients, 1, 100_000, ConfigProblems.path(path, "liveClients"));
    problems.range(liveQueue, 1, 1_000_000, ConfigProblems.path(path, "liveQueue"));
    positive(problems, recentWindow, ConfigProblems.path(path, "recentWindow"));
    positive(problems, keepAlive, ConfigProblems.path(path, "keepAlive"));
    positive(problems, sweepInterval, ConfigProblems.path(path, "sweepInterval"));
    positive(problems, statusInterval, ConfigProblems.path(path, "statusInterval"));
    positive(problems, statusTimeout, ConfigProblems.path(path, "statusTimeout"));
  }

  private static void positive(ConfigProblems problems, Duration d, String path) {
    problems.require(d != null && !d.isNegative() && !d.isZero(), path, "must be positive");
  }
}
