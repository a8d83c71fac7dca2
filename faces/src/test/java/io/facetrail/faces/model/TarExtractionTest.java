package io.facetrail.faces.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarExtractionTest {
  private static final String STEPS = ". (manual steps)";

  @TempDir Path root;

  @Test
  void aMemberLargerThanItsPinnedSizeIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path dir = Files.createDirectories(root.resolve("cache"));
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("models/" + ModelFile.TINY_MANIFEST.fileName(), new byte[3_220]);

    assertThatThrownBy(() -> extract(members, dir, ModelFile.TINY_MANIFEST))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("3220 bytes, more than the pinned 3219")
        .hasMessageEndingWith(STEPS);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aMemberPathNeverChoosesWhereAFileIsWritten() throws Exception {
    Path dir = Files.createDirectories(root.resolve("a/b/cache"));
    String name = ModelFile.TINY_MANIFEST.fileName();
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("models/../../" + name, new byte[] {1});
    members.put("/" + name, new byte[] {2});
    members.put("../" + name, new byte[] {3});

    assertThatThrownBy(() -> extract(members, dir, ModelFile.TINY_MANIFEST))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("lacks [TINY_MANIFEST]");
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void takesEachWantedFileOnceUnderItsOwnNameAndLeavesNoPartFiles() throws Exception {
    Path dir = Files.createDirectories(root.resolve("cache"));
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("models/" + ModelFile.TINY_MANIFEST.fileName(), new byte[] {7, 8});
    members.put("other/" + ModelFile.TINY_WEIGHTS.fileName(), new byte[] {1});
    members.put("models/" + ModelFile.TINY_WEIGHTS.fileName(), new byte[] {9});

    extract(members, dir, ModelFile.TINY_MANIFEST, ModelFile.TINY_WEIGHTS);

    assertThat(Files.readAllBytes(dir.resolve(ModelFile.TINY_MANIFEST.fileName())))
        .containsExactly(7, 8);
    assertThat(Files.readAllBytes(dir.resolve(ModelFile.TINY_WEIGHTS.fileName())))
        .containsExactly(9);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).hasSize(2);
    }
  }

  private static void extract(Map<String, byte[]> members, Path dir, ModelFile... files)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (var m : members.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(m.getKey(), true);
        e.setSize(m.getValue().length);
        out.putArchiveEntry(e);
        out.write(m.getValue());
        out.closeArchiveEntry();
      }
    }
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TarExtraction.extract(
          tar,
          dir,
          EnumSet.of(files[0], files),
          f -> "models/" + f.fileName(),
          "the test archive",
          STEPS);
    }
  }
}
