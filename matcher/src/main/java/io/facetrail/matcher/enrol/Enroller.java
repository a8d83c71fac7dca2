package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.UnknownPersonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Enrols a person from photos: analyses each photo, applies the rules, and stores the accepted
 * codes in one call. A person is created only when at least one photo is accepted. A photo the
 * person already has a code from (same bytes, {@link PhotoSource}) is skipped and reported as
 * {@link PhotoOutcome.Result#ALREADY_ENROLLED}, so enrolling the same folder again adds only its
 * new photos.
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
   * @param person the person created or extended, empty when no photo was accepted for a new one
   * @param created whether the person was created by this call
   * @param outcomes one per photo, in input order
   */
  public record Result(Optional<Person> person, boolean created, List<PhotoOutcome> outcomes) {
    public Result {
      outcomes = List.copyOf(outcomes);
    }

    /** Photos that added a code. */
    public long enrolled() {
      return outcomes.stream().filter(PhotoOutcome::enrolled).count();
    }

    /** Photos skipped because the person already had them. */
    public long alreadyEnrolled() {
      return outcomes.stream()
          .filter(o -> o.result() == PhotoOutcome.Result.ALREADY_ENROLLED)
          .count();
    }

    /** Photos refused (no face, several, low quality, unreadable). */
    public long refused() {
      return outcomes.stream().filter(PhotoOutcome::refused).count();
    }
  }

  /** Enrols a new person named {@code name}, even when somebody has that name already. */
  public Result enrolNew(String name, List<Path> photos) {
    return enrol(null, name, photos);
  }

  /**
   * Adds photos to the person named exactly {@code name}, or enrols a new person when nobody has
   * that name: what enrolling a folder again must do (never a second person of the same name).
   *
   * @throws AmbiguousPersonException when several persons have that name (nothing is analysed)
   */
  public Result enrolByName(String name, List<Path> photos) {
    Optional<Person> existing = PersonLookup.byName(gallery, name);
    return existing.isPresent()
        ? enrolExisting(existing.get().id(), photos)
        : enrolNew(name, photos);
  }

  /**
   * Adds photos to an existing person.
   *
   * @throws UnknownPersonException when the gallery has no such person
   */
  public Result enrolExisting(String personId, List<Path> photos) {
    return enrol(personId, null, photos);
  }

  private Result enrol(String personId, String name, List<Path> photos) {
    Set<String> known = new HashSet<>();
    if (personId != null) {
      PersonRecord r =
          gallery.record(personId).orElseThrow(() -> new UnknownPersonException(personId));
      r.codes().forEach(c -> PhotoSource.hashIn(c.source()).ifPresent(known::add));
    }
    List<PhotoOutcome> outcomes = new ArrayList<>();
    List<StoredCode> codes = new ArrayList<>();
    for (Path photo : photos) {
      PhotoSource source;
      try {
        source = PhotoSource.of(photo, Files.readAllBytes(photo));
      } catch (IOException e) {
        outcomes.add(
            new PhotoOutcome(
                photo, PhotoOutcome.Result.UNREADABLE, "cannot be read: " + e.getMessage()));
        continue;
      }
      if (known.contains(source.sha256())) {
        outcomes.add(
            new PhotoOutcome(
                photo, PhotoOutcome.Result.ALREADY_ENROLLED, "the same photo is enrolled already"));
        continue;
      }
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
              f -> {
                // A second copy of this photo in the same batch is then already enrolled.
                known.add(source.sha256());
                codes.add(
                    new StoredCode(
                        UUID.randomUUID().toString(),
                        f.modelId(),
                        f.code(),
                        source.text(),
                        clock.instant()));
              });
    }
    if (codes.isEmpty()) {
      return new Result(
          personId == null ? Optional.empty() : gallery.person(personId), false, outcomes);
    }
    Person person = personId == null ? gallery.createPerson(name, Map.of()) : null;
    String id = person != null ? person.id() : personId;
    gallery.addCodes(id, codes);
    return new Result(gallery.person(id), person != null, outcomes);
  }
}
