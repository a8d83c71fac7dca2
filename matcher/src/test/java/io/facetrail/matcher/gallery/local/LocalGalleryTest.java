package io.facetrail.matcher.gallery.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryContract;
import io.facetrail.matcher.gallery.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGalleryTest extends GalleryContract {
  @TempDir Path dir;

  @Override
  protected Gallery openGallery() {
    return LocalGallery.open(dir, Clock.systemUTC());
  }

  @Override
  protected boolean hasChangeFeed() {
    return false;
  }

  @Override
  protected void cleanUp() {
    // The temporary directory is deleted by JUnit.
  }

  @Override
  protected List<byte[]> everythingStored() throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.toList()) {
        out.add(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(f)) {
          out.add(Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  @Test
  void erasureAlsoDeletesTheTemporaryFileOfAWriteCutShort() throws Exception {
    Person p = gallery.createPerson("Cut Short", Map.of());
    Path person = dir.resolve("persons/" + p.id() + ".json");
    Path leftover = Files.copy(person, person.resolveSibling(p.id() + ".json.tmp"));
    assertThat(gallery.erase(p.id())).isTrue();
    assertThat(person).doesNotExist();
    assertThat(leftover).doesNotExist();
  }

  @Test
  void survivesReopeningAndLeavesNoTemporaryFiles() throws Exception {
    Person p = gallery.createPerson("Persistent", Map.of());
    gallery.addCodes(p.id(), List.of(code(9, 0, "m")));
    try (Gallery again = LocalGallery.open(dir, Clock.systemUTC())) {
      assertThat(again.record(p.id()).orElseThrow().codes()).hasSize(1);
      assertThat(again.cursor()).isEqualTo(gallery.cursor());
    }
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".tmp")).toList()).isEmpty();
    }
  }
}
