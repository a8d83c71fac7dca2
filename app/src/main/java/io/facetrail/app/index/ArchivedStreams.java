package io.facetrail.app.index;

import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archived tracks of some streams, read in one pass over the archive (without thumbnails), by
 * the track id their identity events carried. The archive keeps a track of the same id from another
 * video of the same name beside the first as {@code <track id>@<archived at>}: both are candidates,
 * and the {@link Sighting} tells which one a timeline's track is.
 */
final class ArchivedStreams {
  /** An archived track with its current decision. */
  record Entry(ArchivedTrack track, TrackDecision decision) {}

  private final Map<String, List<Entry>> byTrack = new HashMap<>();

  private ArchivedStreams() {}

  /** Reads the tracks of {@code streamIds} from {@code archive}. */
  static ArchivedStreams load(TrackArchive archive, Set<String> streamIds) {
    ArchivedStreams out = new ArchivedStreams();
    archive.forEach(
        (t, d) -> {
          if (streamIds.contains(t.streamId())) {
            out.byTrack
                .computeIfAbsent(
                    key(t.streamId(), eventTrackId(t.trackId())), k -> new ArrayList<>())
                .add(new Entry(t, d));
          }
        });
    return out;
  }

  /** The archived track of stream {@code streamId} that is {@code trackId} seen as {@code s}. */
  Optional<Entry> find(String streamId, String trackId, Sighting s) {
    for (Entry e : byTrack.getOrDefault(key(streamId, trackId), List.of())) {
      if (s.matches(streamId, e.track())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The id the track's events carried: its stored id without the writer's {@code @...}. */
  private static String eventTrackId(String storedId) {
    int at = storedId.lastIndexOf('@');
    return at < 0 ? storedId : storedId.substring(0, at);
  }

  private static String key(String streamId, String trackId) {
    return streamId + "\n" + trackId;
  }
}
