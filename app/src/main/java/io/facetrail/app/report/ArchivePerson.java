package io.facetrail.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One identified person across every video of a report.
 *
 * @param personId the person's gallery id
 * @param name how to show the person
 * @param appearances the person's appearance in each video where they were seen
 */
record ArchivePerson(String personId, String name, List<PersonAppearance> appearances) {

  /** Every identified person of {@code videos}, most screen time first. */
  static List<ArchivePerson> of(List<VideoTimeline> videos) {
    Map<String, List<PersonAppearance>> byPerson = new LinkedHashMap<>();
    for (VideoTimeline v : videos) {
      for (PersonAppearance p : v.persons()) {
        byPerson.computeIfAbsent(p.personId(), k -> new ArrayList<>()).add(p);
      }
    }
    List<ArchivePerson> out = new ArrayList<>();
    byPerson.forEach((id, list) -> out.add(new ArchivePerson(id, list.get(0).name(), list)));
    out.sort(Comparator.comparingDouble(ArchivePerson::screenTimeMs).reversed());
    return out;
  }

  double screenTimeMs() {
    return appearances.stream().mapToDouble(PersonAppearance::screenTimeMs).sum();
  }

  int tracks() {
    return appearances.stream().mapToInt(a -> a.tracks().size()).sum();
  }

  /** The best face of the person in any video, or null. */
  FaceImage bestFace() {
    return appearances.stream()
        .map(PersonAppearance::bestFace)
        .filter(f -> f != null)
        .max(Comparator.comparingDouble(FaceImage::quality))
        .orElse(null);
  }
}
