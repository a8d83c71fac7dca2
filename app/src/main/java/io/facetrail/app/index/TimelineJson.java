package io.facetrail.app.index;

import io.facetrail.app.report.FaceImage;
import io.facetrail.app.report.InputOutcome;
import io.facetrail.app.report.PersonAppearance;
import io.facetrail.app.report.TimeRange;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A video's timeline as JSON: the source file and the stamp it had, the stream id it was indexed
 * under, the settings, how reading ended, the persons with their merged time ranges, and every
 * track with the frames it was decided on (face pictures are files next to it, linked by relative
 * path). The stream id and the sightings, added later, are optional: what finds the video's tracks
 * in the track archive. Format {@value #FORMAT} version {@value #VERSION}.
 */
final class TimelineJson {
  static final String FORMAT = "facetrail-timeline";
  static final int VERSION = 1;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The document. */
  record Doc(
      String format,
      int version,
      String video,
      String streamId,
      SourceDoc source,
      IndexedWith indexedWith,
      String indexedAt,
      double durationMs,
      InputOutcome outcome,
      List<PersonDoc> persons,
      List<TrackDoc> tracks) {}

  /** The indexed file: where it was and its stamp then. */
  record SourceDoc(String path, long sizeBytes, long modifiedMs) {}

  /** A person's appearances in the video. */
  record PersonDoc(
      String personId, String name, List<TimeRange> ranges, List<String> tracks, long frames) {}

  /** One track. */
  record TrackDoc(
      String trackId,
      String personId,
      String personName,
      double fromMs,
      double toMs,
      long frames,
      Double distance,
      Double threshold,
      String face,
      Double faceQuality,
      Sighting sighting) {}

  /**
   * A timeline read back, with what it was made from.
   *
   * @param timeline the timeline, with the stream id it was indexed under (null in timelines
   *     written before it was recorded)
   * @param sightings the frames each track was decided on, by track id (empty in timelines written
   *     before they were recorded: those can only be indexed again by decoding)
   */
  record Indexed(
      VideoTimeline timeline,
      SourceStamp stamp,
      IndexedWith settings,
      Map<String, Sighting> sightings) {
    Indexed {
      sightings = Map.copyOf(sightings);
    }
  }

  private TimelineJson() {}

  /**
   * Writes the document. Faces must already be stored as files (their paths are written relative to
   * the document's folder).
   *
   * @param sightings the frames each track was decided on, by track id (tracks without one have
   *     none)
   */
  static void write(
      Path file,
      VideoTimeline v,
      Map<String, Sighting> sightings,
      Path source,
      SourceStamp stamp,
      IndexedWith with,
      String at)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    List<PersonDoc> persons = new ArrayList<>();
    for (PersonAppearance p : v.persons()) {
      persons.add(
          new PersonDoc(
              p.personId(),
              p.name(),
              p.ranges(),
              p.tracks().stream().map(TrackRecord::trackId).toList(),
              p.frames()));
    }
    List<TrackDoc> tracks = new ArrayList<>();
    for (TrackRecord t : v.tracks()) {
      FaceImage f = t.face();
      tracks.add(
          new TrackDoc(
              t.trackId(),
              t.personId(),
              t.personName(),
              t.range().fromMs(),
              t.range().toMs(),
              t.frames(),
              t.distance(),
              t.threshold(),
              f == null || f.file() == null
                  ? null
                  : dir.relativize(f.file().toAbsolutePath()).toString().replace('\\', '/'),
              f == null ? null : f.quality(),
              sightings.get(t.trackId())));
    }
    Doc doc =
        new Doc(
            FORMAT,
            VERSION,
            v.input(),
            v.streamId(),
            new SourceDoc(
                source.toAbsolutePath().toString(), stamp.sizeBytes(), stamp.modifiedMs()),
            with,
            at,
            v.durationMs(),
            v.outcome(),
            persons,
            tracks);
    // Not createTempFile, whose files are owner-only: timelines get the user's usual permissions.
    Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.write(tmp, MAPPER.writeValueAsBytes(doc));
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a document back.
   *
   * @throws IOException when it cannot be read or is not a timeline of this format
   */
  static Indexed read(Path file) throws IOException {
    Doc doc;
    try {
      doc = MAPPER.readValue(Files.readAllBytes(file), Doc.class);
    } catch (JacksonException e) {
      throw new IOException(file + " is not a readable timeline: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(doc.format()) || doc.version() != VERSION || doc.source() == null) {
      throw new IOException(file + " is not a " + FORMAT + " v" + VERSION + " document");
    }
    Path dir = file.toAbsolutePath().getParent();
    List<TrackRecord> tracks = new ArrayList<>();
    Map<String, Sighting> sightings = new LinkedHashMap<>();
    for (TrackDoc t : doc.tracks() == null ? List.<TrackDoc>of() : doc.tracks()) {
      if (t.sighting() != null) {
        sightings.put(t.trackId(), t.sighting());
      }
      FaceImage face =
          t.face() == null
              ? null
              : new FaceImage(
                  null, dir.resolve(t.face()), t.faceQuality() == null ? 0 : t.faceQuality());
      tracks.add(
          new TrackRecord(
              t.trackId(),
              t.personId(),
              t.personName(),
              new TimeRange(t.fromMs(), t.toMs()),
              t.frames(),
              t.distance(),
              t.threshold(),
              face));
    }
    VideoTimeline v =
        new VideoTimeline(doc.video(), doc.streamId(), doc.durationMs(), doc.outcome(), tracks);
    return new Indexed(
        v,
        new SourceStamp(doc.source().sizeBytes(), doc.source().modifiedMs()),
        doc.indexedWith(),
        sightings);
  }
}
