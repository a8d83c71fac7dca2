package io.facetrail.app.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.TimelineFixtures;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storing a video's results and deciding, from them, whether it is already indexed. */
class VideoResultsTest {
  private static final IndexedWith WITH =
      new IndexedWith(5, 1e-2, null, "dlib-r29-v1").atGallery("epoch-1@7");

  private static final Map<String, Sighting> SIGHTINGS =
      Map.of("s1/t1", new Sighting(5, 500_000, 20, 2_000_000, 12));

  @TempDir Path dir;
  private VideoFile video;
  private TimelineFiles files;
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void video() throws Exception {
    Path file = Files.write(dir.resolve("lobby.mp4"), new byte[] {1, 2, 3});
    video = new VideoFile(file, "archive/lobby.mp4");
    files = TimelineFiles.of(dir.resolve("out"), video);
  }

  private VideoTimeline store() throws Exception {
    return VideoResults.write(
        files, video, TimelineFixtures.cast(), SIGHTINGS, SourceStamp.of(video.path()), WITH);
  }

  private Optional<TimelineJson.Indexed> previous(IndexedWith with) {
    VideoResults.Previous p = VideoResults.previous(files, video, with);
    if (p.stale() != null) {
      problems.add(p.stale());
    }
    return p.current() ? Optional.of(p.old()) : Optional.empty();
  }

  @Test
  void storedResultsReadBackAsTheSameTimelineWithFacesAsFiles() throws Exception {
    VideoTimeline stored = store();
    assertThat(files.json()).isEqualTo(dir.resolve("out/archive/lobby.mp4.timeline.json"));
    assertThat(files.csv()).exists();
    assertThat(files.faces().resolve("s1_t1.jpg")).exists();

    TimelineJson.Indexed back = previous(WITH).orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(back.stamp()).isEqualTo(SourceStamp.of(video.path()));
    VideoTimeline t = back.timeline();
    assertThat(t.input()).isEqualTo("archive/lobby.mp4");
    assertThat(t.durationMs()).isEqualTo(8_000);
    assertThat(t.outcome()).isEqualTo(stored.outcome());
    assertThat(t.tracks())
        .extracting(TrackRecord::trackId, TrackRecord::personName, TrackRecord::range)
        .containsExactlyElementsOf(
            stored.tracks().stream()
                .map(
                    r ->
                        org.assertj.core.groups.Tuple.tuple(r.trackId(), r.personName(), r.range()))
                .toList());
    assertThat(t.tracks().get(0).face().file()).isEqualTo(files.faces().resolve("s1_t1.jpg"));
    // What finds the video's tracks in the track archive after a gallery change.
    assertThat(t.streamId()).isEqualTo("s1");
    assertThat(back.sightings()).isEqualTo(SIGHTINGS);
    assertThat(Files.readString(files.json())).contains("\"format\" : \"facetrail-timeline\"");
  }

  @Test
  void aVideoNeverIndexedIsIndexedWithoutComplaint() {
    assertThat(previous(WITH)).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void aChangedFileIsIndexedAgain() throws Exception {
    store();
    Files.setLastModifiedTime(
        video.path(),
        FileTime.fromMillis(Files.getLastModifiedTime(video.path()).toMillis() + 5_000));
    assertThat(previous(WITH)).isEmpty();
    assertThat(problems).containsExactly("the file changed since it was indexed");
  }

  @Test
  void otherSettingsIndexAgain() throws Exception {
    store();
    assertThat(previous(new IndexedWith(10, 1e-2, null, "dlib-r29-v1", "epoch-1@7"))).isEmpty();
    assertThat(problems).singleElement().asString().contains("other settings");
  }

  @Test
  void anotherEmbeddingModelIndexesAgain() throws Exception {
    store();
    assertThat(previous(new IndexedWith(5, 1e-2, null, "harmonic-v2-fold1", "epoch-1@7")))
        .isEmpty();
    assertThat(problems).singleElement().asString().contains("other settings");
  }

  @Test
  void anotherGalleryVersionIndexesAgainAndSaysSo() throws Exception {
    store();
    assertThat(previous(WITH.atGallery("epoch-1@8"))).isEmpty();
    assertThat(previous(WITH.atGallery("epoch-2@7"))).isEmpty();
    assertThat(problems)
        .containsExactly(VideoResults.GALLERY_CHANGED, VideoResults.GALLERY_CHANGED)
        .first()
        .isEqualTo("gallery changed since indexed");
  }

  @Test
  void timelinesFromBeforeTheGalleryVersionWasRecordedAreIndexedAgain() throws Exception {
    store();
    String json = Files.readString(files.json());
    String old = json.replaceAll(",\\s*\"gallery\"\\s*:\\s*\"epoch-1@7\"", "");
    assertThat(old).isNotEqualTo(json).doesNotContain("\"gallery\"");
    Files.writeString(files.json(), old);
    assertThat(previous(WITH)).isEmpty();
    assertThat(problems).containsExactly(VideoResults.GALLERY_CHANGED);
  }

  @Test
  void deletingResultsRemovesTimelinesAndFaces() throws Exception {
    store();
    assertThat(VideoResults.delete(files)).isTrue();
    assertThat(files.json()).doesNotExist();
    assertThat(files.csv()).doesNotExist();
    assertThat(files.faces()).doesNotExist();
    assertThat(previous(WITH)).isEmpty();
    assertThat(problems).isEmpty();
    assertThat(VideoResults.delete(files)).isFalse();
  }

  @Test
  void timelinesFromBeforeTheModelWasRecordedCountAsV1() throws Exception {
    store();
    String json = Files.readString(files.json());
    String old = json.replaceAll(",\\s*\"embeddingModel\"\\s*:\\s*\"dlib-r29-v1\"", "");
    assertThat(old).isNotEqualTo(json).doesNotContain("embeddingModel");
    Files.writeString(files.json(), old);
    assertThat(previous(WITH)).isPresent();
    assertThat(problems).isEmpty();
  }

  @Test
  void anUnreadableTimelineIsIndexedAgainAndSaysWhy() throws Exception {
    store();
    Files.writeString(files.json(), "{ not json");
    assertThat(previous(WITH)).isEmpty();
    assertThat(problems).singleElement().asString().contains("is not a readable timeline");
  }
}
