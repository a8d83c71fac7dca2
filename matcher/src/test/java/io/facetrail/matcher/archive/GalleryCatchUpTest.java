package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive written by runs is brought up to date with the gallery when it moved: a stranger's
 * track is named once they are enrolled, an erased person's tracks are erased, and an archive
 * already up to date is not re-decided.
 */
class GalleryCatchUpTest {
  private static final String MODEL = "synthetic-test-v1";
  private static final SyntheticFaces FACES = SyntheticFaces.standard(5);
  private static final CalibrationTable TABLE =
      FACES.calibration(MODEL, 400, new double[] {1e-4, 1e-3, 1e-2});
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

  private final Thresholds thresholds =
      new Thresholds(DecisionRate.ofFpir(0.01), m -> Optional.of(TABLE));
  private final Redecider redecider =
      new Redecider(new DecisionPolicy(DecisionSettings.defaults()), thresholds, SearchMode.EXACT);

  @TempDir Path dir;
  private LocalGallery gallery;
  private LocalTrackArchive archive;

  @BeforeEach
  void open() {
    gallery = LocalGallery.open(dir.resolve("gallery"), Clock.systemUTC());
    archive = LocalTrackArchive.open(dir.resolve("archive"));
  }

  @AfterEach
  void close() {
    archive.close();
    gallery.close();
  }

  private Person enrol(int identity) {
    Person p = gallery.createPerson("P" + identity, Map.of());
    List<StoredCode> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      codes.add(new StoredCode("c" + identity + "-" + i, MODEL, FACES.code(identity, i), "", T));
    }
    gallery.addCodes(p.id(), codes);
    return p;
  }

  private void archiveTrack(String id, int identity, String decidedAs) {
    Moment at = new Moment(identity, 0, T.toEpochMilli());
    archive.put(
        new ArchivedTrack(
            id, "lobby", MODEL, at, at, T, 8, FACES.code(identity, 77), List.of(), null, Map.of()),
        new TrackDecision(id, decidedAs, 0.5, 0.4, 1e-4, 1e-2, 1, List.of(), true, T, false, 0));
  }

  private GalleryCatchUp.Result catchUp() {
    GalleryIndex index =
        new GalleryIndex(thresholds.comparable(), ForkJoinPool.commonPool(), Integer.MAX_VALUE, 10);
    return GalleryCatchUp.run(archive, gallery, index, redecider, T.plusSeconds(60));
  }

  @Test
  void aMovedGalleryReachesTheArchiveOnceAndErasureTakesTheTracksAlong() {
    Person ada = enrol(1);
    archiveTrack("lobby/r0/t1", 1, ada.id());
    archiveTrack("lobby/r0/t2", 2, null);

    GalleryCatchUp.Result first = catchUp();
    assertThat(first.redecided()).as("no cursor recorded yet").isTrue();
    assertThat(first.from()).isNull();
    assertThat(first.changed()).isZero();
    assertThat(catchUp().redecided()).as("up to date").isFalse();

    Person bob = enrol(2);
    GalleryCatchUp.Result enrolled = catchUp();
    assertThat(enrolled.redecided()).isTrue();
    assertThat(enrolled.from()).isEqualTo(first.to());
    assertThat(enrolled.incremental()).as("a local folder has no change feed").isFalse();
    assertThat(enrolled.examined()).isEqualTo(2);
    assertThat(enrolled.changed()).isEqualTo(1);
    assertThat(archive.decision("lobby/r0/t2").orElseThrow().personId()).isEqualTo(bob.id());
    assertThat(archive.decision("lobby/r0/t1").orElseThrow().personId()).isEqualTo(ada.id());

    gallery.erase(ada.id());
    GalleryCatchUp.Result erased = catchUp();
    assertThat(erased.erased()).isEqualTo(1);
    assertThat(archive.track("lobby/r0/t1")).isEmpty();
    assertThat(archive.decision("lobby/r0/t2").orElseThrow().personId()).isEqualTo(bob.id());
    assertThat(archive.galleryCursor().map(c -> c.version())).contains(gallery.version().counter());
  }
}
