package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.matcher.archive.ArchiveSink;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.cluster.LiveClusters;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.testing.SettableClock;
import io.facetrail.matcher.testing.TrackEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every ended track reaches the archive sink with its codes, thumbnail and decision. */
class ArchivingTopologyTest {
  /** Keeps what the matcher hands over (a test fake of the archive's writer). */
  static final class RecordingArchiveSink implements ArchiveSink {
    final List<ArchivedTrack> tracks = new ArrayList<>();
    final List<TrackDecision> decisions = new ArrayList<>();

    @Override
    public void ended(ArchivedTrack track, TrackDecision decision) {
      tracks.add(track);
      decisions.add(decision);
    }

    @Override
    public boolean enabled() {
      return true;
    }
  }

  @Test
  void identifiedAndUnknownTracksAreArchivedAtTheirEnd() {
    GalleryIndex index = GalleryIndex.withDefaults();
    List<PersonRecord> gallery = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      gallery.add(
          new PersonRecord(
              new Person(
                  "person-" + i,
                  "Name " + i,
                  Map.of(),
                  MatcherTopologyTest.T0,
                  MatcherTopologyTest.T0),
              List.of(MatcherTopologyTest.code(i, 0), MatcherTopologyTest.code(i, 1))));
    }
    index.replaceAll(gallery);
    RecordingArchiveSink sink = new RecordingArchiveSink();
    MatcherDependencies deps =
        new MatcherDependencies(
            index,
            () -> true,
            new Thresholds(
                1e-3,
                m ->
                    m.equals(MatcherTopologyTest.MODEL)
                        ? Optional.of(MatcherTopologyTest.TABLE)
                        : Optional.empty()),
            new DecisionPolicy(DecisionSettings.defaults()),
            SearchMode.AUTO,
            Duration.ofMillis(200),
            new SettableClock(MatcherTopologyTest.T0),
            new MatcherMetrics(new SimpleMeterRegistry()),
            sink);
    MatcherTestDriver m =
        new MatcherTestDriver(
            new io.facetrail.contracts.topic.TopicRegistry("test."),
            deps,
            "archive-test",
            MatcherTopologyTest.T0);
    try (var driver = m.driver) {
      feed(m, "known", 7, 6);
      feed(m, "stranger", 500, 6);
      assertThat(sink.tracks)
          .extracting(ArchivedTrack::trackId)
          .containsExactly("known", "stranger");
      ArchivedTrack known = sink.tracks.get(0);
      assertThat(known.goodFrames()).isEqualTo(6);
      assertThat(known.bestFrames()).hasSize(3);
      assertThat(known.thumbnailJpeg()).isNotEmpty();
      assertThat(known.streamId()).isEqualTo("cam-1");
      assertThat(known.lastSeen().sequence()).isEqualTo(5);
      TrackDecision d = sink.decisions.get(0);
      assertThat(d.personId()).isEqualTo("person-7");
      assertThat(d.distance()).isLessThan(d.threshold());
      assertThat(d.nearest()).hasSize(2);
      assertThat(d.nearest().get(0).personId()).isEqualTo("person-7");
      assertThat(d.nearestComplete()).isTrue();
      assertThat(d.retroactive()).isFalse();
      TrackDecision stranger = sink.decisions.get(1);
      assertThat(stranger.personId()).isNull();
      assertThat(stranger.nearest()).hasSize(2);
      assertThat(stranger.nearest().get(0).distance()).isGreaterThan(stranger.threshold());
    }
  }

  @Test
  void unknownTracksJoinClustersAndTheirEventsAndDecisionsSayWhich() {
    GalleryIndex index = GalleryIndex.withDefaults();
    RecordingArchiveSink sink = new RecordingArchiveSink();
    Thresholds thresholds =
        new Thresholds(
            1e-3,
            m ->
                m.equals(MatcherTopologyTest.MODEL)
                    ? Optional.of(MatcherTopologyTest.TABLE)
                    : Optional.empty());
    LiveClusters clusters =
        new LiveClusters(
            new UnknownClusters(new ClusterSettings(true, 1e-3, 2, 32), thresholds),
            Duration.ofDays(90),
            new SimpleMeterRegistry());
    MatcherDependencies deps =
        new MatcherDependencies(
            index,
            () -> true,
            thresholds,
            new DecisionPolicy(DecisionSettings.defaults()),
            SearchMode.AUTO,
            Duration.ofMillis(200),
            new SettableClock(MatcherTopologyTest.T0),
            new MatcherMetrics(new SimpleMeterRegistry()),
            sink,
            Optional.of(clusters));
    MatcherTestDriver m =
        new MatcherTestDriver(
            new io.facetrail.contracts.topic.TopicRegistry("test."),
            deps,
            "cluster-test",
            MatcherTopologyTest.T0);
    try (var driver = m.driver) {
      // One after the other: tracks the camera saw at the same time would be two people.
      feed(m, "first", 500, 6, 0);
      feed(m, "other", 600, 6, 10);
      feed(m, "again", 500, 6, 20);
      feed(m, "glimpse", 700, 1, 30);
      Map<String, String> clusterOfEvent = new java.util.HashMap<>();
      for (IdentityEvent e : m.identity.readValuesToList()) {
        assertThat(e.type()).isEqualTo(IdentityEventType.UNKNOWN);
        clusterOfEvent.put(e.trackId(), e.clusterId());
      }
      assertThat(clusterOfEvent.get("first")).isNotNull().isEqualTo(clusterOfEvent.get("again"));
      assertThat(clusterOfEvent.get("other")).isNotNull().isNotEqualTo(clusterOfEvent.get("first"));
      // One good frame is below the quality floor: no cluster.
      assertThat(clusterOfEvent).containsEntry("glimpse", null);
      for (TrackDecision d : sink.decisions) {
        assertThat(d.clusterId()).isEqualTo(clusterOfEvent.get(d.trackId()));
      }
      assertThat(clusters.clusters().orElseThrow().clusterCount()).isEqualTo(2);
    }
  }

  private static void feed(MatcherTestDriver m, String trackId, int identity, int frames) {
    feed(m, trackId, identity, frames, 0);
  }

  private static void feed(
      MatcherTestDriver m, String trackId, int identity, int frames, int from) {
    TrackEvents e = new TrackEvents(trackId, "cam-1", MatcherTopologyTest.T0.toEpochMilli());
    m.tracks.pipeInput(trackId, e.started(from));
    for (int i = 0; i < frames; i++) {
      m.tracks.pipeInput(
          trackId,
          e.observation(
              from + i,
              i,
              MatcherTopologyTest.FACES.code(identity, 100 + i),
              0.5f + 0.05f * i,
              MatcherTopologyTest.MODEL));
    }
    m.tracks.pipeInput(
        trackId,
        e.ended(
            from,
            from + frames - 1,
            frames,
            MatcherTopologyTest.FACES.code(identity, 100),
            MatcherTopologyTest.MODEL));
  }
}
