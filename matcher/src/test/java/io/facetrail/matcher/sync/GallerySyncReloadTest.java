package io.facetrail.matcher.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full reload path of {@link GallerySync}: the local gallery keeps no change feed, so every
 * change after the first load asks for a resync; the index must then equal the store exactly
 * (erasures, renames and new codes included), and an unchanged store must not be reloaded.
 */
class GallerySyncReloadTest {
  @TempDir Path dir;

  private static StoredCode code(long seed) {
    Random r = new Random(seed);
    float[] v = new float[128];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm); // Codes hold unit vectors.
    }
    return new StoredCode(
        UUID.randomUUID().toString(),
        "m",
        FaceCode.quantise(v),
        "photo.jpg",
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void aResyncReplacesTheIndexWithTheStore() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Gallery gallery = LocalGallery.open(dir, Clock.systemUTC())) {
      Person a = gallery.createPerson("Ada", Map.of());
      Person b = gallery.createPerson("Bo", Map.of());
      Person c = gallery.createPerson("Cy", Map.of());
      gallery.addCodes(a.id(), List.of(code(1)));
      gallery.addCodes(b.id(), List.of(code(2)));
      gallery.addCodes(c.id(), List.of(code(3)));
      GalleryIndex index = GalleryIndex.withDefaults();
      GallerySync sync =
          new GallerySync(
              gallery,
              index,
              Duration.ofSeconds(1),
              Duration.ofSeconds(5),
              System::nanoTime,
              registry);
      sync.syncOnce();
      assertThat(index.personCount()).isEqualTo(3);
      assertThat(index.codeCount()).isEqualTo(3);
      assertThat(resyncs(registry)).isEqualTo(1.0);

      sync.syncOnce(); // Nothing changed: no reload.
      assertThat(resyncs(registry)).isEqualTo(1.0);

      gallery.erase(a.id());
      gallery.rename(b.id(), "Bo Renamed");
      gallery.addCodes(c.id(), List.of(code(4), code(5)));
      sync.syncOnce();
      assertThat(resyncs(registry)).isEqualTo(2.0);
      assertThat(index.personCount()).isEqualTo(2);
      assertThat(index.codeCount()).isEqualTo(4);
      assertThat(index.nameOf(a.id())).isEmpty();
      assertThat(index.nameOf(b.id())).contains("Bo Renamed");
      assertThat(index.search(code(1).code(), "m", 3, SearchMode.EXACT))
          .noneMatch(m -> m.personId().equals(a.id()));
      assertThat(sync.isFresh()).isTrue();
    }
  }

  private static double resyncs(SimpleMeterRegistry registry) {
    return registry.get("facetrail.gallery.sync.resyncs").counter().count();
  }
}
