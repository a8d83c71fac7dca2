package io.facetrail.matcher.gallery.local;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.gallery.GalleryJson;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.ImportCheck;
import io.facetrail.matcher.gallery.ImportProblem;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonNames;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.runtime.text.DisplayText;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A gallery persisted to a directory: {@code persons/<id>.json} per person, a {@code version} file
 * ({@code epoch version}) and a lock file. Each file is replaced atomically (write, then rename),
 * so a crash leaves either the old or the new state; erasure deletes the person's one file. Writers
 * in several processes serialise on an OS file lock. Changes are reported as a full resync (local
 * galleries are small), triggered by the version file.
 */
public final class LocalGallery implements Gallery {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Path dir;
  private final Path personsDir;
  private final Path versionFile;
  private final Path lockFile;
  private final Clock clock;

  private LocalGallery(Path dir, Clock clock) {
    this.dir = dir;
    this.personsDir = dir.resolve("persons");
    this.versionFile = dir.resolve("version");
    this.lockFile = dir.resolve(".lock");
    this.clock = clock;
  }

  /** Opens (creating when missing) the gallery in {@code dir}. */
  public static LocalGallery open(Path dir, Clock clock) {
    LocalGallery g = new LocalGallery(dir.toAbsolutePath(), clock);
    try {
      Files.createDirectories(g.personsDir);
      g.locked(
          () -> {
            if (!Files.exists(g.versionFile)) {
              g.writeVersion(new Version(UUID.randomUUID().toString(), 0));
            }
            return null;
          });
    } catch (IOException e) {
      throw new GalleryUnavailableException("cannot create the gallery directory " + dir, e);
    }
    return g;
  }

  @Override
  public Person createPerson(String name, Map<String, String> metadata) {
    PersonNames.checked(name);
    var now = clock.instant();
    Person p = new Person(UUID.randomUUID().toString(), name, metadata, now, now);
    return locked(
        () -> {
          writeRecord(new PersonRecord(p, List.of()));
          bump();
          return p;
        });
  }

  @Override
  public void addCodes(String personId, List<StoredCode> codes) {
    locked(
        () -> {
          PersonRecord r =
              readRecord(personId).orElseThrow(() -> new UnknownPersonException(personId));
          List<StoredCode> all = new ArrayList<>(r.codes());
          all.addAll(codes);
          writeRecord(new PersonRecord(r.person().touched(clock.instant()), all));
          bump();
          return null;
        });
  }

  @Override
  public Person rename(String personId, String newName) {
    PersonNames.checked(newName);
    return locked(
        () -> {
          PersonRecord r =
              readRecord(personId).orElseThrow(() -> new UnknownPersonException(personId));
          Person renamed = r.person().renamed(newName, clock.instant());
          writeRecord(new PersonRecord(renamed, r.codes()));
          bump();
          return renamed;
        });
  }

  @Override
  public boolean erase(String personId) {
    return locked(
        () -> {
          Path file = fileOf(personId);
          boolean existed = Files.deleteIfExists(file);
          // A write cut short by a crash leaves its temporary file: it holds the person too.
          existed |= Files.deleteIfExists(tmpOf(file));
          if (existed) {
            bump();
          }
          return existed;
        });
  }

  @Override
  public void importPersons(List<PersonRecord> records) {
    ImportCheck.require(records, LocalGallery::storeProblem);
    locked(
        () -> {
          for (PersonRecord r : records) {
            writeRecord(r);
          }
          bump();
          return null;
        });
  }

  @Override
  public List<ImportProblem> importProblems(List<PersonRecord> records) {
    return ImportCheck.problems(records, LocalGallery::storeProblem);
  }

  /** A person id a local gallery cannot store: its file name is the id. */
  private static Optional<String> storeProblem(String personId) {
    return SAFE_ID.matcher(personId).matches()
        ? Optional.empty()
        : Optional.of(
            "person id '"
                + DisplayText.safe(personId)
                + "' cannot be stored in a local gallery (1-64 of A-Z a-z 0-9 _ -)");
  }

  @Override
  public Optional<Person> person(String personId) {
    return record(personId).map(PersonRecord::person);
  }

  @Override
  public Optional<PersonRecord> record(String personId) {
    try {
      return readRecord(personId);
    } catch (IOException e) {
      throw new GalleryUnavailableException("cannot read person " + personId + " in " + dir, e);
    }
  }

  @Override
  public List<Person> persons() {
    return snapshot().stream()
        .map(PersonRecord::person)
        .sorted(Comparator.comparing(Person::name).thenComparing(Person::id))
        .toList();
  }

  @Override
  public List<PersonRecord> snapshot() {
    try (Stream<Path> files = Files.list(personsDir)) {
      List<PersonRecord> out = new ArrayList<>();
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try {
          out.add(GalleryJson.read(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (java.nio.file.NoSuchFileException e) {
          // Erased between listing and reading: it is gone, which is what a reader should see.
          continue;
        }
      }
      return out;
    } catch (IOException e) {
      throw new GalleryUnavailableException("cannot read the gallery in " + dir, e);
    }
  }

  @Override
  public GalleryChanges.Cursor cursor() {
    Version v = readVersion();
    return new GalleryChanges.Cursor(v.epoch, v.version, Long.toString(v.version));
  }

  @Override
  public GalleryChanges changesSince(GalleryChanges.Cursor cursor) {
    GalleryChanges.Cursor now = cursor();
    boolean same = now.epoch().equals(cursor.epoch()) && now.version() == cursor.version();
    return new GalleryChanges(now, Set.of(), !same);
  }

  @Override
  public String describe() {
    return "local folder " + dir.toAbsolutePath();
  }

  @Override
  public void close() {
    // Nothing held open between calls.
  }

  private Path fileOf(String personId) {
    if (!SAFE_ID.matcher(personId).matches()) {
      throw new UnknownPersonException(personId);
    }
    return personsDir.resolve(personId + ".json");
  }

  private Optional<PersonRecord> readRecord(String personId) throws IOException {
    if (!SAFE_ID.matcher(personId).matches()) {
      return Optional.empty(); // No person can have it: ids are checked on writing.
    }
    Path f = fileOf(personId);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(GalleryJson.read(Files.readString(f, StandardCharsets.UTF_8)));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private void writeRecord(PersonRecord r) throws IOException {
    if (!SAFE_ID.matcher(r.person().id()).matches()) {
      throw new IllegalArgumentException(
          "person id '"
              + r.person().id()
              + "' cannot be stored in a local gallery (1-64 of A-Z a-z 0-9 _ -)");
    }
    atomicWrite(fileOf(r.person().id()), GalleryJson.write(r));
  }

  private static Path tmpOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".tmp");
  }

  private void atomicWrite(Path target, String content) throws IOException {
    Path tmp = tmpOf(target);
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private record Version(String epoch, long version) {}

  private Version readVersion() {
    try {
      String[] parts = Files.readString(versionFile, StandardCharsets.UTF_8).trim().split(" ");
      return new Version(parts[0], Long.parseLong(parts[1]));
    } catch (IOException | RuntimeException e) {
      throw new GalleryUnavailableException("cannot read the gallery version in " + dir, e);
    }
  }

  private void writeVersion(Version v) throws IOException {
    atomicWrite(versionFile, v.epoch + " " + v.version + "\n");
  }

  private void bump() throws IOException {
    Version v = readVersion();
    writeVersion(new Version(v.epoch, v.version + 1));
  }

  private interface IoAction<T> {
    T run() throws IOException;
  }

  /** Runs a mutation under the in-process monitor and the cross-process file lock. */
  private synchronized <T> T locked(IoAction<T> action) {
    try (FileChannel ch =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      return action.run();
    } catch (IOException e) {
      throw new GalleryUnavailableException("gallery in " + dir + ": " + e.getMessage(), e);
    }
  }
}
