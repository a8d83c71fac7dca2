package io.facetrail.app.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.InputOutcome;
import io.facetrail.app.report.TimelineFixtures;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.local.LocalGallery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeline made again from the archive: tracks take their archived decision and the gallery's
 * name; a track of an erased person is left out; a track the archive lacks, or holds only from
 * another video of the same name, means decoding.
 */
class TimelineRefreshTest {
  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, 9, 9};

  @TempDir Path dir;
  private LocalGallery gallery;
  private LocalTrackArchive archive;

  @BeforeEach
  void open() {
    gallery = LocalGallery.open(dir.resolve("gallery"), Clock.systemUTC());
    archive = LocalTrackArchive.open(dir.resolve("archive"));
  }

  @AfterEach
  void close() {
    archive.close();
    gallery.close();
  }

  private static Sighting sighting(long first, long last) {
    return new Sighting(first, first * 200_000, last, last * 200_000, 5);
  }

  private void archive(String id, Sighting s, String person) {
    archive.put(
        new ArchivedTrack(
            id,
            "lobby",
            "m",
            new Moment(s.firstSequence(), s.firstUs(), 0),
            new Moment(s.lastSequence(), s.lastUs(), 0),
            T,
            5,
            new byte[FaceCode.DIMENSIONS],
            List.of(),
            JPEG,
            Map.of()),
        new TrackDecision(id, person, 0.31, 0.4, 1e-4, 1e-2, 1, List.of(), true, T, true, 1));
  }

  private static TimelineJson.Indexed old(
      String streamId, Map<String, Sighting> s, TrackRecord... t) {
    return new TimelineJson.Indexed(
        new VideoTimeline(
            "lobby.mp4",
            streamId,
            8_000,
            new InputOutcome(InputOutcome.Status.COMPLETED, "", 40, 40, 0),
            List.of(t)),
        new SourceStamp(3, 1),
        null,
        s);
  }

  private TimelineRefresh.Outcome refresh(TimelineJson.Indexed old) {
    return TimelineRefresh.refresh(
        old, ArchivedStreams.load(archive, Set.of("lobby")), archive, gallery);
  }

  @Test
  void tracksTakeTheirArchivedDecisionsAndTheGallerysNames() {
    Person ada = gallery.createPerson("Ada", Map.of());
    archive("lobby/r0/t1", sighting(1, 10), ada.id());
    // Another video named lobby.mp4 indexed later: kept beside it under an id of its own.
    archive("lobby/r0/t2", sighting(500, 520), null);
    archive("lobby/r0/t2@1765101000000", sighting(12, 20), ada.id());
    TimelineRefresh.Outcome o =
        refresh(
            old(
                "lobby",
                Map.of(
                    "lobby/r0/t1", sighting(1, 10),
                    "lobby/r0/t2", sighting(12, 20),
                    "lobby/r0/t3", new Sighting(21, 4_200_000, 22, 4_400_000, 0)),
                TimelineFixtures.track("lobby/r0/t1", null, null, 200, 2_000),
                TimelineFixtures.track("lobby/r0/t2", null, null, 2_400, 4_000),
                TimelineFixtures.track("lobby/r0/t3", null, null, 4_200, 4_400)));
    assertThat(o.why()).isNull();
    assertThat(o.redecided()).isEqualTo(2);
    assertThat(o.timeline().tracks())
        .extracting(TrackRecord::trackId, TrackRecord::personName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lobby/r0/t1", "Ada"),
            org.assertj.core.groups.Tuple.tuple("lobby/r0/t2", "Ada"),
            org.assertj.core.groups.Tuple.tuple("lobby/r0/t3", null));
    TrackRecord first = o.timeline().tracks().get(0);
    assertThat(first.distance()).isEqualTo(0.31);
    assertThat(first.range().fromMs()).isEqualTo(200);
    assertThat(first.face().jpeg()).isEqualTo(JPEG);
  }

  @Test
  void aTrackOfAnErasedPersonIsLeftOutAndAMissingOneMeansDecoding() {
    Person ada = gallery.createPerson("Ada", Map.of());
    Person bob = gallery.createPerson("Bob", Map.of());
    archive("lobby/r0/t2", sighting(12, 20), bob.id());
    gallery.erase(ada.id());
    TimelineRefresh.Outcome erased =
        refresh(
            old(
                "lobby",
                Map.of("lobby/r0/t1", sighting(1, 10), "lobby/r0/t2", sighting(12, 20)),
                TimelineFixtures.track("lobby/r0/t1", ada.id(), "Ada", 200, 2_000),
                TimelineFixtures.track("lobby/r0/t2", bob.id(), "Bob", 2_400, 4_000)));
    assertThat(erased.erased()).isEqualTo(1);
    assertThat(erased.timeline().tracks())
        .extracting(TrackRecord::personName)
        .containsExactly("Bob");

    // Bob is still enrolled but his track is not archived (retention, archiving off): decode.
    TimelineRefresh.Outcome missing =
        refresh(
            old(
                "lobby",
                Map.of("lobby/r0/t9", sighting(30, 40)),
                TimelineFixtures.track("lobby/r0/t9", bob.id(), "Bob", 6_000, 8_000)));
    assertThat(missing.timeline()).isNull();
    assertThat(missing.why()).contains("does not hold its track lobby/r0/t9");

    // The same id from another video of that name (other frames) is not this track.
    TimelineRefresh.Outcome other =
        refresh(
            old(
                "lobby",
                Map.of("lobby/r0/t2", sighting(13, 20)),
                TimelineFixtures.track("lobby/r0/t2", null, null, 2_400, 4_000)));
    assertThat(other.timeline()).isNull();
  }

  @Test
  void aTimelineWrittenBeforeStreamIdsWereRecordedIsDecoded() {
    TimelineRefresh.Outcome o =
        refresh(old(null, Map.of(), TimelineFixtures.track("lobby/r0/t1", null, null, 0, 500)));
    assertThat(o.timeline()).isNull();
    assertThat(o.why()).contains("indexed before");
  }
}
