package io.facetrail.matcher.archive;

import static io.facetrail.matcher.archive.ArchiveSamples.T0;
import static io.facetrail.matcher.archive.ArchiveSamples.decision;
import static io.facetrail.matcher.archive.ArchiveSamples.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TrackArchive} must do; run against the local folder and Redis. */
public abstract class TrackArchiveContract {
  protected TrackArchive archive;

  /** A new connection to (or a new opening of) the archive under test. */
  protected abstract TrackArchive openArchive();

  /** Every byte the store holds for this archive: keys and values, or files. */
  protected abstract List<byte[]> everythingStored();

  protected abstract void cleanUp();

  @BeforeEach
  void open() {
    archive = openArchive();
  }

  @AfterEach
  void close() {
    cleanUp();
    archive.close();
  }

  private void reopen() {
    archive.close();
    archive = openArchive();
  }

  private Map<String, TrackDecision> all() {
    Map<String, TrackDecision> out = new HashMap<>();
    archive.forEach(
        (t, d) -> {
          assertThat(t.thumbnailJpeg()).as("forEach leaves thumbnails out").isEmpty();
          out.put(t.trackId(), d);
        });
    return out;
  }

  @Test
  void aStoredTrackReadsBackWithItsThumbnailAndDecision() {
    ArchivedTrack t = track("lobby/r0/t1", 1, T0);
    archive.put(t, decision("lobby/r0/t1", "p-ada", "p-ada", "p-bob"));
    reopen();
    assertThat(archive.track("lobby/r0/t1")).contains(t);
    assertThat(archive.decision("lobby/r0/t1").orElseThrow().personId()).isEqualTo("p-ada");
    assertThat(archive.decision("lobby/r0/t1").orElseThrow().nearest())
        .extracting(m -> m.personId())
        .containsExactly("p-ada", "p-bob");
    assertThat(archive.count()).isEqualTo(1);
    assertThat(all()).containsOnlyKeys("lobby/r0/t1");
    assertThat(archive.track("nope")).isEmpty();
  }

  @Test
  void reDecisionsReplaceTheDecisionAndSurviveReopening() {
    archive.put(track("a", 1, T0), decision("a", null, "p-ada"));
    archive.put(track("b", 2, T0), decision("b", null).withClusterId("c0123456789ab"));
    archive.updateDecisions(List.of(decision("a", "p-ada", "p-ada"), decision("gone", "p-x")));
    reopen();
    assertThat(archive.decision("a").orElseThrow().personId()).isEqualTo("p-ada");
    assertThat(archive.decision("a").orElseThrow().clusterId()).isNull();
    assertThat(archive.decision("b").orElseThrow().personId()).isNull();
    assertThat(archive.decision("b").orElseThrow().clusterId()).isEqualTo("c0123456789ab");
    assertThat(archive.decision("gone")).isEmpty();
    assertThat(all()).containsOnlyKeys("a", "b");
  }

  @Test
  void erasingAPersonLeavesNoTraceOfTheirIdCodesOrThumbnails() {
    ArchivedTrack ada1 = track("cam/1", 10, T0);
    ArchivedTrack ada2 = track("cam/2", 20, T0.plus(Duration.ofDays(1)));
    ArchivedTrack other = track("cam/3", 30, T0);
    archive.put(ada1, decision("cam/1", "p-ada-erased", "p-ada-erased"));
    archive.put(ada2, decision("cam/2", null, "p-bob"));
    archive.updateDecisions(List.of(decision("cam/2", "p-ada-erased", "p-ada-erased", "p-bob")));
    archive.put(other, decision("cam/3", "p-bob", "p-bob", "p-ada-erased"));

    assertThat(archive.erasePerson("p-ada-erased")).isEqualTo(2);
    reopen();

    assertThat(archive.track("cam/1")).isEmpty();
    assertThat(archive.track("cam/2")).isEmpty();
    assertThat(archive.track("cam/3")).contains(other);
    TrackDecision kept = archive.decision("cam/3").orElseThrow();
    assertThat(kept.personId()).isEqualTo("p-bob");
    assertThat(kept.nearest()).extracting(m -> m.personId()).containsExactly("p-bob");
    assertThat(kept.nearestComplete()).as("the next re-decision searches everything").isFalse();
    List<byte[]> needles = new ArrayList<>();
    needles.add("p-ada-erased".getBytes(StandardCharsets.UTF_8));
    for (ArchivedTrack t : List.of(ada1, ada2)) {
      needles.addAll(t.codes());
      needles.add(t.thumbnailJpeg());
    }
    List<byte[]> stored = everythingStored();
    assertThat(stored).as("the store holds something").isNotEmpty();
    for (byte[] needle : needles) {
      assertThat(stored.stream().anyMatch(h -> contains(h, needle)))
          .as("a trace of the erased person remains")
          .isFalse();
    }
    // The survivor's own codes are still there, so the scan above can see codes at all.
    assertThat(stored.stream().anyMatch(h -> contains(h, other.aggregate()))).isTrue();
  }

  @Test
  void aReplacedTrackLeavesNoOldCopy() {
    ArchivedTrack first = track("t", 40, T0);
    ArchivedTrack second = track("t", 50, T0);
    archive.put(first, decision("t", null));
    archive.put(second, decision("t", null));
    assertThat(archive.track("t")).contains(second);
    assertThat(archive.count()).isEqualTo(1);
    reopen();
    assertThat(archive.track("t")).contains(second);
    assertThat(everythingStored().stream().anyMatch(h -> contains(h, first.aggregate()))).isFalse();
  }

  @Test
  void retentionDeletesTracksArchivedBeforeTheCutoff() {
    archive.put(track("old", 1, T0), decision("old", "p-ada", "p-ada"));
    archive.put(track("new", 2, T0.plus(Duration.ofDays(2))), decision("new", null));
    assertThat(archive.deleteArchivedBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
    reopen();
    assertThat(archive.track("old")).isEmpty();
    assertThat(archive.decision("old")).isEmpty();
    assertThat(all()).containsOnlyKeys("new");
    assertThat(
            everythingStored().stream()
                .anyMatch(h -> contains(h, "p-ada".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
