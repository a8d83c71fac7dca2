package io.facetrail.matcher.gallery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store of enrolled persons and their face codes. Implementations: {@code RedisGallery} (the
 * source of truth in a deployment) and {@code LocalGallery} (a directory, the embedded default).
 * The same contract tests run against both.
 *
 * <p>Every mutation increments the version counter and appends to the change feed, so matchers can
 * follow changes with {@link #changesSince}. Methods throw {@link GalleryUnavailableException} when
 * the store cannot be reached.
 */
public interface Gallery extends AutoCloseable {
  /**
   * Enrols a new person without codes and returns it.
   *
   * @throws InvalidNameException when {@link PersonNames} refuses the name
   */
  Person createPerson(String name, Map<String, String> metadata);

  /** Adds codes to an existing person. */
  void addCodes(String personId, List<StoredCode> codes);

  /**
   * Gives a person a new display name.
   *
   * @throws InvalidNameException when {@link PersonNames} refuses the name
   */
  Person rename(String personId, String newName);

  /**
   * Erases a person: their record and every code, in one atomic step.
   *
   * @return whether the person existed
   */
  boolean erase(String personId);

  /**
   * Stores a person with their codes as given (ids kept), replacing any person with that id.
   *
   * @throws InvalidImportException when the record breaks a rule of {@link #importProblems}
   */
  default void importPerson(PersonRecord record) {
    importPersons(List.of(record));
  }

  /**
   * Stores persons with their codes as given (ids kept), each replacing any person with its id,
   * after checking every record ({@link #importProblems}): with any problem nothing is written.
   *
   * @throws InvalidImportException listing every problem
   */
  void importPersons(List<PersonRecord> records);

  /**
   * What would make {@link #importPersons} refuse {@code records}: the rules of every gallery
   * ({@link ImportCheck}) and this store's own.
   */
  List<ImportProblem> importProblems(List<PersonRecord> records);

  Optional<Person> person(String personId);

  /** The person and their codes. */
  Optional<PersonRecord> record(String personId);

  /** Every person, sorted by name then id. */
  List<Person> persons();

  /** Every person with their codes, for loading an index or exporting. */
  List<PersonRecord> snapshot();

  /** The current cursor: the version and feed position a reader of {@link #snapshot} starts at. */
  GalleryChanges.Cursor cursor();

  /**
   * The gallery's current version: results decided against it stay current while it does not move
   * ({@link GalleryVersion}).
   */
  default GalleryVersion version() {
    return GalleryVersion.of(cursor());
  }

  /** What changed since {@code cursor}; reload the named persons, or everything on a resync. */
  GalleryChanges changesSince(GalleryChanges.Cursor cursor);

  /** A short human description (kind and address), never containing secrets. */
  String describe();

  @Override
  void close();
}
