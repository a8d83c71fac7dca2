package io.facetrail.app.index;

import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The persons an earlier timeline names who are no longer in the gallery under that name (erased,
 * or renamed). Such results must not stay on disk until the video's turn comes to be indexed again
 * (a stop or a failure could leave them for good): they are deleted at once, while results that are
 * merely older than the gallery (somebody was enrolled since) stay until they are replaced.
 */
final class StaleNames {
  private StaleNames() {}

  /** How many of the persons {@code timeline} names {@code gallery} no longer has by that name. */
  static int count(VideoTimeline timeline, Gallery gallery) {
    Map<String, String> named = new LinkedHashMap<>();
    for (TrackRecord t : timeline.tracks()) {
      if (t.personId() != null) {
        named.putIfAbsent(t.personId(), t.personName());
      }
    }
    int stale = 0;
    for (var e : named.entrySet()) {
      Optional<Person> now = gallery.person(e.getKey());
      if (now.isEmpty() || !Objects.equals(now.get().name(), e.getValue())) {
        stale++;
      }
    }
    return stale;
  }
}
