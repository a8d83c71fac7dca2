package io.facetrail.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.config.ApiConfig;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.streams.StateDirectory;
import io.facetrail.tracker.service.TrackerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in defaults every service starts with outside a container (no file, no variables): the
 * endpoint listens on loopback only and Streams state lives in a directory of this user and this
 * application. The container files ({@link ContainerConfigTest}) and the Helm chart set both
 * explicitly.
 */
class ServiceDefaultsTest {
  private static final Map<String, String> NONE = Map.of();

  @Test
  void everyServiceBindsLoopbackByDefault() {
    assertThat(IngestConfig.loader().load(null, NONE, NONE).http().host()).isEqualTo("127.0.0.1");
    assertThat(EmbedderConfig.loader().load(null, NONE, NONE).http().host()).isEqualTo("127.0.0.1");
    assertThat(TrackerConfig.loader().load(null, NONE, NONE).http().host()).isEqualTo("127.0.0.1");
    assertThat(MatcherConfig.loader().load(null, NONE, NONE).http().host()).isEqualTo("127.0.0.1");
    assertThat(ApiConfig.loader().load(null, NONE, NONE).http().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void streamsStateIsPerUserAndPerApplicationByDefault() {
    TrackerConfig tracker = TrackerConfig.loader().load(null, NONE, NONE);
    MatcherConfig matcher = MatcherConfig.loader().load(null, NONE, NONE);
    assertThat(tracker.streams().stateDir())
        .isEqualTo(expected(tracker.streams().applicationId()))
        .doesNotStartWith("/tmp");
    assertThat(matcher.stateDir()).isEqualTo(expected(matcher.applicationId()));
    assertThat(tracker.streams().stateDir()).isNotEqualTo(matcher.stateDir());
  }

  @Test
  void anExplicitStateDirectoryWins() {
    TrackerConfig tracker =
        TrackerConfig.loader().load(null, NONE, Map.of("streams.stateDir", "/srv/tracker"));
    assertThat(tracker.streams().stateDir()).isEqualTo("/srv/tracker");
  }

  private static String expected(String applicationId) {
    return StateDirectory.defaultFor(
            applicationId, System.getenv(), System.getProperty("user.home"))
        .toString();
  }
}
