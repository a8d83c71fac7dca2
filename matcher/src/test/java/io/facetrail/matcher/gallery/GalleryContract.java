package io.facetrail.matcher.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.synthetic.SyntheticFaces;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every gallery store must have; subclasses provide the store. */
public abstract class GalleryContract {
  protected static final SyntheticFaces FACES = SyntheticFaces.standard(3);
  protected Gallery gallery;

  protected abstract Gallery openGallery();

  /** Removes everything the test stored. */
  protected abstract void cleanUp();

  /**
   * Whether the store keeps a feed of changed persons (Redis: a stream); without one (the local
   * folder, written by one process) every change asks readers for a full resync.
   */
  protected abstract boolean hasChangeFeed();

  private void assertChanged(GalleryChanges changes, String... persons) {
    assertThat(changes.resyncRequired()).isEqualTo(!hasChangeFeed());
    if (hasChangeFeed()) {
      assertThat(changes.changedPersons()).containsExactlyInAnyOrder(persons);
    } else {
      assertThat(changes.changedPersons()).isEmpty();
    }
  }

  /**
   * Every byte the store holds for this test's gallery, one entry per stored item (file, key,
   * field, member, stream entry), names included: what an erasure must leave nothing of.
   */
  protected abstract List<byte[]> everythingStored() throws Exception;

  @BeforeEach
  void open() {
    gallery = openGallery();
  }

  @AfterEach
  void close() {
    cleanUp();
    gallery.close();
  }

  protected static StoredCode code(int identity, int image, String model) {
    return new StoredCode(
        UUID.randomUUID().toString(),
        model,
        FACES.code(identity, image),
        "photo-" + image + ".jpg",
        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(image));
  }

  @Test
  void createsPersonsWithCodesAndModelIds() {
    Person ada = gallery.createPerson("Ada", Map.of("team", "research"));
    gallery.addCodes(ada.id(), List.of(code(1, 0, "m1"), code(1, 1, "m2")));
    PersonRecord r = gallery.record(ada.id()).orElseThrow();
    assertThat(r.person().name()).isEqualTo("Ada");
    assertThat(r.person().metadata()).containsEntry("team", "research");
    assertThat(r.codes()).extracting(StoredCode::modelId).containsExactlyInAnyOrder("m1", "m2");
    assertThat(r.codes().get(0).code()).hasSize(128);
    assertThat(r.codes()).anySatisfy(c -> assertThat(c.code()).isEqualTo(FACES.code(1, 0)));
    assertThat(gallery.persons()).extracting(Person::id).containsExactly(ada.id());
  }

  @Test
  void renamesAndRefusesUnknownIds() {
    Person p = gallery.createPerson("Old", Map.of());
    gallery.rename(p.id(), "New");
    assertThat(gallery.person(p.id()).orElseThrow().name()).isEqualTo("New");
    assertThatThrownBy(() -> gallery.rename("no-such-person", "X"))
        .isInstanceOf(UnknownPersonException.class);
    assertThatThrownBy(() -> gallery.addCodes("no-such-person", List.of(code(1, 1, "m"))))
        .isInstanceOf(UnknownPersonException.class);
  }

  @Test
  void erasureRemovesRecordAndEveryCode() {
    Person keep = gallery.createPerson("Keep", Map.of());
    Person gone = gallery.createPerson("Gone", Map.of());
    gallery.addCodes(gone.id(), List.of(code(2, 0, "m"), code(2, 1, "m"), code(2, 2, "m")));
    gallery.addCodes(keep.id(), List.of(code(3, 0, "m")));
    assertThat(gallery.erase(gone.id())).isTrue();
    assertThat(gallery.person(gone.id())).isEmpty();
    assertThat(gallery.record(gone.id())).isEmpty();
    assertThat(gallery.snapshot()).extracting(r -> r.person().id()).containsExactly(keep.id());
    assertThat(gallery.erase(gone.id())).isFalse();
  }

  @Test
  void everyMutationMovesTheVersionAndReadsDoNot() {
    GalleryVersion start = gallery.version();
    Person p = gallery.createPerson("Versioned", Map.of());
    GalleryVersion created = gallery.version();
    gallery.addCodes(p.id(), List.of(code(6, 0, "m")));
    GalleryVersion added = gallery.version();
    gallery.rename(p.id(), "Renamed");
    GalleryVersion renamed = gallery.version();
    gallery.importPerson(importable("imported-v", "Imported", codeWithId("c-v", 1)));
    GalleryVersion imported = gallery.version();
    gallery.erase(p.id());
    GalleryVersion erased = gallery.version();
    assertThat(List.of(start, created, added, renamed, imported, erased)).doesNotHaveDuplicates();
    gallery.persons();
    gallery.snapshot();
    gallery.record("imported-v");
    assertThat(gallery.erase(p.id())).isFalse();
    assertThat(gallery.version()).isEqualTo(erased);
  }

  @Test
  void erasureLeavesNoTraceInTheStore() throws Exception {
    Person gone = gallery.createPerson("Erin Erasable", Map.of("badge", "B-4711"));
    List<StoredCode> codes = List.of(code(7, 0, "m"), code(7, 1, "m"));
    gallery.addCodes(gone.id(), codes);
    gallery.rename(gone.id(), "Erin Renamed");
    Person keep = gallery.createPerson("Kept Person", Map.of());
    gallery.addCodes(keep.id(), List.of(code(8, 0, "m")));
    GalleryChanges.Cursor before = gallery.cursor();
    assertThat(gallery.erase(gone.id())).isTrue();

    List<byte[]> traces = new java.util.ArrayList<>();
    traces.add(bytes(gone.id()));
    traces.add(bytes("Erin Erasable"));
    traces.add(bytes("Erin Renamed"));
    traces.add(bytes("B-4711"));
    for (StoredCode c : codes) {
      traces.add(c.code());
      traces.add(bytes(java.util.Base64.getEncoder().encodeToString(c.code())));
      traces.add(bytes(c.codeId()));
    }
    List<byte[]> stored = everythingStored();
    assertThat(stored).as("the test sees the store").isNotEmpty();
    for (byte[] item : stored) {
      for (byte[] trace : traces) {
        assertThat(indexOf(item, trace))
            .as("erased data found in the store: " + new String(trace, StandardCharsets.UTF_8))
            .isNegative();
      }
    }
    // The person kept is still there, and a reader learns of the erasure.
    assertThat(gallery.record(keep.id()).orElseThrow().codes()).hasSize(1);
    GalleryChanges after = gallery.changesSince(before);
    assertThat(after.isEmpty()).isFalse();
    assertThat(after.changedPersons()).doesNotContain(keep.id());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Where {@code needle} starts in {@code haystack}, or -1. */
  protected static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void importKeepsIdsAndReplaces() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Person p = new Person("imported-1", "Imported", Map.of("k", "v"), t, t);
    gallery.importPerson(new PersonRecord(p, List.of(code(4, 0, "m"))));
    gallery.importPerson(new PersonRecord(p.renamed("Again", t), List.of(code(4, 1, "m"))));
    PersonRecord r = gallery.record("imported-1").orElseThrow();
    assertThat(r.person().name()).isEqualTo("Again");
    assertThat(r.codes()).hasSize(1);
    assertThat(r.codes().get(0).code()).isEqualTo(FACES.code(4, 1));
  }

  @Test
  void changeFeedReportsEveryMutationAfterTheCursor() {
    GalleryChanges.Cursor start = gallery.cursor();
    assertThat(gallery.changesSince(start).isEmpty()).isTrue();
    Person a = gallery.createPerson("A", Map.of());
    Person b = gallery.createPerson("B", Map.of());
    GalleryChanges changes = gallery.changesSince(start);
    assertThat(changes.cursor().version()).isGreaterThan(start.version());
    assertChanged(changes, a.id(), b.id());
    GalleryChanges none = gallery.changesSince(changes.cursor());
    assertThat(none.isEmpty()).isTrue();
    gallery.rename(b.id(), "B2");
    GalleryChanges later = gallery.changesSince(changes.cursor());
    assertThat(later.isEmpty()).isFalse();
    assertChanged(later, b.id());
    // An erasure leaves no trace of the id in the feed either: every reader reloads instead.
    gallery.erase(a.id());
    GalleryChanges erased = gallery.changesSince(later.cursor());
    assertThat(erased.resyncRequired()).isTrue();
    assertThat(erased.changedPersons()).isEmpty();
  }

  @Test
  void aCursorFromAnotherEpochAsksForAResync() {
    gallery.createPerson("A", Map.of());
    GalleryChanges.Cursor foreign = new GalleryChanges.Cursor("other-epoch", 0, "0-0");
    assertThat(gallery.changesSince(foreign).resyncRequired()).isTrue();
  }

  private static PersonRecord importable(String id, String name, StoredCode... codes) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new PersonRecord(new Person(id, name, Map.of(), t, t), List.of(codes));
  }

  private static StoredCode codeWithId(String codeId, int image) {
    StoredCode c = code(5, image, "m");
    return new StoredCode(codeId, c.modelId(), c.code(), c.source(), c.addedAt());
  }

  @Test
  void anImportWithAnyBadRecordWritesNothingAndNamesEveryProblem() {
    List<PersonRecord> records =
        List.of(
            importable("fine-1", "Fine", codeWithId("c-1", 0)),
            importable("", "Empty Id", codeWithId("c-2", 1)),
            importable("ctl\u001b[2J", "Control Id", codeWithId("c-3", 2)),
            importable("dup-codes", "Duplicate Codes", codeWithId("c-4", 3), codeWithId("c-4", 4)),
            importable("across", "Across", codeWithId("c-1", 5)),
            importable("fine-1", "Twice", codeWithId("c-6", 6)),
            importable("bad-code-id", "Bad Code Id", codeWithId("c\u0000", 7)));
    assertThat(gallery.importProblems(records))
        .extracting(ImportProblem::index)
        .contains(1, 2, 3, 4, 5, 6)
        .doesNotContain(0);
    assertThatThrownBy(() -> gallery.importPersons(records))
        .isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("person id is empty")
        .hasMessageContaining("U+001B")
        .hasMessageContaining("code id c-4 occurs twice in this record")
        .hasMessageContaining("code id c-1 occurs twice (also in record 1)")
        .hasMessageContaining("person id occurs twice (also in record 1)")
        .hasMessageContaining("U+0000");
    assertThat(gallery.persons()).isEmpty();
    assertThat(gallery.record("fine-1")).isEmpty();

    gallery.importPersons(records.subList(0, 1));
    assertThat(gallery.record("fine-1").orElseThrow().codes()).hasSize(1);
  }

  @Test
  void namesWithControlCharactersBidiOverridesOrFloodsAreRefused() {
    Person p = gallery.createPerson("Zoë Ångström-李", Map.of());
    for (String bad :
        List.of(
            "",
            "  ",
            "Eve\u001b[31mRED",
            "Eve\nMallory",
            "Eve\u009b2J",
            "Eve\u202Eevil",
            "Eve\u2067x\u2069",
            "x".repeat(PersonNames.MAX_CODE_POINTS + 1),
            "x".repeat(100_000))) {
      assertThatThrownBy(() -> gallery.createPerson(bad, Map.of()))
          .isInstanceOf(InvalidNameException.class);
      assertThatThrownBy(() -> gallery.rename(p.id(), bad))
          .isInstanceOf(InvalidNameException.class);
      assertThatThrownBy(() -> gallery.importPerson(importable("named", bad)))
          .isInstanceOf(InvalidImportException.class)
          .hasMessageContaining("name");
    }
    assertThat(gallery.persons()).extracting(Person::name).containsExactly("Zoë Ångström-李");
    assertThat(gallery.createPerson("😀".repeat(PersonNames.MAX_CODE_POINTS), Map.of()).name())
        .hasSize(2 * PersonNames.MAX_CODE_POINTS);
  }
}
