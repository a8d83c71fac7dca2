package io.facetrail.app.index;

import io.facetrail.app.report.FaceImage;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A video's timeline made again from the track archive after a gallery change, without decoding the
 * video: each track the matcher compared with the gallery takes its archived decision (already
 * re-decided against the gallery as it is now, {@link io.facetrail.matcher.archive.GalleryCatchUp})
 * and the name the gallery now gives that person; when, where and how long each track was seen is
 * kept from the earlier timeline. Tracks never compared (no good frame: no code to compare) stay
 * unknown, as no gallery can name them. A track named after a person since erased, whose archived
 * track went with them, is left out: the archive holds nothing of it any more, and neither do the
 * outputs. Any other track missing from the archive (archiving off, retention, a track not written)
 * means the video must be decoded again.
 */
final class TimelineRefresh {
  private TimelineRefresh() {}

  /**
   * What refreshing one video gave.
   *
   * @param timeline the timeline to write, null when the video must be decoded
   * @param sightings the sightings of its tracks
   * @param why why it must be decoded (null when refreshed)
   * @param redecided tracks whose decision came from the archive
   * @param erased tracks left out with an erased person
   */
  record Outcome(
      VideoTimeline timeline,
      Map<String, Sighting> sightings,
      String why,
      int redecided,
      int erased) {
    static Outcome decode(String why) {
      return new Outcome(null, Map.of(), why, 0, 0);
    }
  }

  /**
   * The timeline of {@code old}'s video as the archive decides its tracks now. A track whose face
   * the archive has not (split parts, tracks closed without an end record) keeps its earlier face
   * file's picture.
   */
  static Outcome refresh(
      TimelineJson.Indexed old, ArchivedStreams archived, TrackArchive archive, Gallery gallery) {
    try {
      return remake(old, archived, archive, gallery);
    } catch (IOException e) {
      return Outcome.decode("its earlier face files could not be read: " + e.getMessage());
    }
  }

  private static Outcome remake(
      TimelineJson.Indexed old, ArchivedStreams archived, TrackArchive archive, Gallery gallery)
      throws IOException {
    VideoTimeline before = old.timeline();
    String streamId = before.streamId();
    if (streamId == null) {
      return Outcome.decode("indexed before its tracks could be found in the track archive");
    }
    List<TrackRecord> tracks = new ArrayList<>();
    Map<String, Sighting> sightings = new LinkedHashMap<>();
    int redecided = 0;
    int erased = 0;
    for (TrackRecord t : before.tracks()) {
      Sighting s = old.sightings().get(t.trackId());
      if (s == null || s.goodFrames() == 0) {
        if (t.identified()) {
          // A named track always had codes; without its sighting it cannot be found.
          return Outcome.decode("the frames of track " + t.trackId() + " were not recorded");
        }
        tracks.add(t.withFace(earlierFace(t)));
        if (s != null) {
          sightings.put(t.trackId(), s);
        }
        continue;
      }
      Optional<ArchivedStreams.Entry> found = archived.find(streamId, t.trackId(), s);
      if (found.isEmpty()) {
        if (t.identified() && gallery.person(t.personId()).isEmpty()) {
          erased++;
          continue;
        }
        return Outcome.decode("the track archive does not hold its track " + t.trackId());
      }
      TrackDecision d = found.get().decision();
      String name = null;
      if (d.personId() != null) {
        Optional<Person> p = gallery.person(d.personId());
        if (p.isEmpty()) {
          return Outcome.decode(
              "the track archive names a person the gallery no longer has (changed meanwhile)");
        }
        name = p.get().name();
      }
      byte[] thumbnail =
          archive.track(found.get().track().trackId()).map(a -> a.thumbnailJpeg()).orElse(null);
      FaceImage face =
          thumbnail != null && thumbnail.length > 0
              ? new FaceImage(thumbnail, null, t.face() == null ? 0 : t.face().quality())
              : earlierFace(t);
      tracks.add(
          new TrackRecord(
              t.trackId(),
              d.personId(),
              name,
              t.range(),
              t.frames(),
              finite(d.distance()),
              finite(d.threshold()),
              face));
      sightings.put(t.trackId(), s);
      redecided++;
    }
    VideoTimeline now =
        new VideoTimeline(before.input(), streamId, before.durationMs(), before.outcome(), tracks);
    return new Outcome(now, sightings, null, redecided, erased);
  }

  /**
   * The track's earlier face read into memory (its file is replaced), or null when there is none
   * (deleted with results naming an erased person).
   */
  private static FaceImage earlierFace(TrackRecord t) throws IOException {
    FaceImage f = t.face();
    if (f == null || f.file() == null || !Files.isRegularFile(f.file())) {
      return null;
    }
    return new FaceImage(Files.readAllBytes(f.file()), null, f.quality());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
