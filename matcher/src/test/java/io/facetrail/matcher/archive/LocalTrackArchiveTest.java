package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive contract against a folder, and what is particular to it. */
class LocalTrackArchiveTest extends TrackArchiveContract {
  @TempDir Path dir;

  @Override
  protected TrackArchive openArchive() {
    return LocalTrackArchive.open(dir);
  }

  @Override
  protected List<byte[]> everythingStored() {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.add(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.add(Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  protected void cleanUp() {
    // The temporary folder goes with the test.
  }

  @Test
  void readingEveryTrackVisitsEachOnceAcrossChunksAndDays() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 4_500; i++) {
      String id = "t" + i;
      archive.put(
          ArchiveSamples.track(id, i, ArchiveSamples.T0.plus(java.time.Duration.ofHours(i % 50))),
          ArchiveSamples.decision(id, null));
    }
    archive.forEach((t, d) -> assertThat(seen.add(t.trackId())).as(t.trackId()).isTrue());
    assertThat(seen).hasSize(4_500);
  }

  @Test
  void aSecondProcessCannotOpenTheSameFolder() {
    assertThatThrownBy(() -> LocalTrackArchive.open(dir))
        .isInstanceOf(ArchiveUnavailableException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void aTornLastEntryFromACrashIsDroppedOnOpening() throws IOException {
    archive.put(
        ArchiveSamples.track("a", 1, ArchiveSamples.T0), ArchiveSamples.decision("a", null));
    archive.put(
        ArchiveSamples.track("b", 2, ArchiveSamples.T0), ArchiveSamples.decision("b", null));
    archive.close();
    Path segment;
    try (Stream<Path> s = Files.list(dir)) {
      segment = s.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    archive = LocalTrackArchive.open(dir);
    assertThat(archive.track("a")).isPresent();
    assertThat(archive.track("b")).isEmpty();
    assertThat(archive.count()).isEqualTo(1);
  }
}
