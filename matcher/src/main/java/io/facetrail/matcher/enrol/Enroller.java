package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.InvalidNameException;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonNames;
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
import java.util.function.Consumer;

/**
 * Enrols a person from photos: analyses each photo, applies the rules, and stores the accepted
 * codes in one call. A person is created only when at least one photo is accepted. A photo the
 * person already has a code from (same bytes, {@link PhotoSource}) is skipped and reported as
 * {@link PhotoOutcome.Result#ALREADY_ENROLLED}, so enrolling the same folder again adds only its
 * new photos.
 *
 * <p>Every photo gets an outcome ({@link PhotoOutcome}): one that cannot be read, is too large or
 * fails with an error is reported as such and the others are still analysed; {@link #enrolEach}
 * does the same for the persons of a folder.
 */
public final class Enroller {
  /**
   * The largest photo file read, in bytes (256 MiB): far above a 40-megapixel photo, and a file
   * larger than Java's largest array could not be read at all.
   */
  public static final long MAX_PHOTO_BYTES = 256L * 1024 * 1024;

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

    /** Photos refused (no face, several, low quality, unreadable, too large). */
    public long refused() {
      return outcomes.stream().filter(PhotoOutcome::refused).count();
    }

    /** Photos whose analysis failed with an error. */
    public long failed() {
      return outcomes.stream().filter(PhotoOutcome::failed).count();
    }
  }

  /**
   * What became of one person of a batch: their {@link Result}, or why nothing could be done for
   * them (an invalid or ambiguous name, an unreachable gallery, an error).
   *
   * @param name the person's name as given
   * @param photos the photos given for them
   * @param result the enrolment's result, null when it failed as a whole
   * @param failure why it failed as a whole, null when there is a result
   */
  public record PersonOutcome(String name, List<Path> photos, Result result, String failure) {
    public PersonOutcome {
      photos = List.copyOf(photos);
    }

    public boolean failedAsAWhole() {
      return result == null;
    }
  }

  /**
   * Enrols each person of a batch by name ({@link #enrolByName}), one after the other, handing each
   * outcome to {@code each} as soon as it is known: a person that fails, whatever the reason, is
   * reported and the next one is enrolled.
   */
  public void enrolEach(List<PersonFolders.PersonPhotos> persons, Consumer<PersonOutcome> each) {
    for (PersonFolders.PersonPhotos p : persons) {
      PersonOutcome outcome;
      try {
        outcome = new PersonOutcome(p.name(), p.photos(), enrolByName(p.name(), p.photos()), null);
      } catch (AmbiguousPersonException | InvalidNameException e) {
        outcome = new PersonOutcome(p.name(), p.photos(), null, e.getMessage());
      } catch (RuntimeException e) {
        // Reported with the person (not swallowed): one store or model error must not stop the
        // persons after it.
        outcome = new PersonOutcome(p.name(), p.photos(), null, describe(e));
      }
      each.accept(outcome);
    }
  }

  /** Enrols a new person named {@code name}, even when somebody has that name already. */
  public Result enrolNew(String name, List<Path> photos) {
    // Checked before any photo is analysed: the name would be refused on storing anyway.
    PersonNames.checked(name);
    return enrol(null, name, photos);
  }

  /**
   * Adds photos to the person named exactly {@code name}, or enrols a new person when nobody has
   * that name: what enrolling a folder again must do (never a second person of the same name).
   *
   * @throws AmbiguousPersonException when several persons have that name (nothing is analysed)
   */
  public Result enrolByName(String name, List<Path> photos) {
    PersonNames.checked(name);
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
      PhotoOutcome outcome;
      try {
        outcome = enrolPhoto(photo, known, codes);
      } catch (RuntimeException e) {
        // One photo's error is that photo's outcome; the others are still analysed.
        outcome = new PhotoOutcome(photo, PhotoOutcome.Result.FAILED, describe(e));
      }
      outcomes.add(outcome);
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

  /** Analyses one photo; when accepted, its code joins {@code codes} and its hash {@code known}. */
  private PhotoOutcome enrolPhoto(Path photo, Set<String> known, List<StoredCode> codes) {
    PhotoSource source;
    try {
      long size = Files.size(photo);
      if (size > MAX_PHOTO_BYTES) {
        return new PhotoOutcome(
            photo,
            PhotoOutcome.Result.TOO_LARGE,
            "the file is " + size + " bytes, over the limit of " + MAX_PHOTO_BYTES);
      }
      source = PhotoSource.of(photo, Files.readAllBytes(photo));
    } catch (IOException e) {
      return new PhotoOutcome(
          photo, PhotoOutcome.Result.UNREADABLE, "cannot be read: " + e.getMessage());
    }
    if (known.contains(source.sha256())) {
      return new PhotoOutcome(
          photo, PhotoOutcome.Result.ALREADY_ENROLLED, "the same photo is enrolled already");
    }
    List<DetectedFace> faces;
    try {
      faces = analyzer.analyse(photo);
    } catch (UnreadablePhotoException e) {
      return new PhotoOutcome(photo, PhotoOutcome.Result.UNREADABLE, e.getMessage());
    } catch (PhotoTooLargeException e) {
      return new PhotoOutcome(photo, PhotoOutcome.Result.TOO_LARGE, e.getMessage());
    }
    EnrolmentRules.Decision d = rules.decide(photo, faces);
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
    return d.outcome();
  }

  /** An unexpected error as a user reads it: its kind and message. */
  static String describe(RuntimeException e) {
    return "error: "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
