package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrols a person from photos: analyses each photo, applies the rules, and stores the accepted
 * codes in one call. A person is created only when at least one photo is accepted.
 */
public final class Enroller {
  private final FaceAnalyzer analyzer;
  private final Gallery gallery;
  private final EnrolmentRules rules;
  private final Clock clock;

  public Enroller(FaceAnalyzer analyzer, Gallery gallery, EnrolmentRules rules, Clock clock) {
    this.analyzer = analyzer;
    this.gallery = gallery;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The result of enrolling one person.
   *
   * @param person the person created or extended, empty when no photo was accepted
   * @param outcomes one per photo, in input order
   */
  public record Result(Optional<Person> person, List<PhotoOutcome> outcomes) {}

  /** Enrols a new person named {@code name}. */
  public Result enrolNew(String name, List<Path> photos) {
    return enrol(null, name, photos);
  }

  /** Adds photos to an existing person. */
  public Result enrolExisting(String personId, List<Path> photos) {
    return enrol(personId, null, photos);
  }

  private Result enrol(String personId, String name, List<Path> photos) {
    List<PhotoOutcome> outcomes = new ArrayList<>();
    List<StoredCode> codes = new ArrayList<>();
    for (Path photo : photos) {
      List<DetectedFace> faces;
      try {
        faces = analyzer.analyse(photo);
      } catch (UnreadablePhotoException e) {
        outcomes.add(new PhotoOutcome(photo, PhotoOutcome.Result.UNREADABLE, e.getMessage()));
        continue;
      }
      EnrolmentRules.Decision d = rules.decide(photo, faces);
      outcomes.add(d.outcome());
      d.accepted()
          .ifPresent(
              f ->
                  codes.add(
                      new StoredCode(
                          UUID.randomUUID().toString(),
                          f.modelId(),
                          f.code(),
                          photo.getFileName().toString(),
                          clock.instant())));
    }
    if (codes.isEmpty()) {
      return new Result(personId == null ? Optional.empty() : gallery.person(personId), outcomes);
    }
    Person person =
        personId == null
            ? gallery.createPerson(name, Map.of())
            : gallery
                .person(personId)
                .orElseThrow(
                    () -> new io.facetrail.matcher.gallery.UnknownPersonException(personId));
    gallery.addCodes(person.id(), codes);
    return new Result(gallery.person(person.id()), outcomes);
  }
}
