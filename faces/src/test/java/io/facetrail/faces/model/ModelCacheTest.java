package io.facetrail.faces.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
  @TempDir Path dir;

  @Test
  void defaultFolderFollowsTheEnvironment() {
    assertThat(ModelCache.defaultDir(Map.of("FACETRAIL_MODELS_DIR", "/m")))
        .isEqualTo(Path.of("/m"));
    assertThat(ModelCache.defaultDir(Map.of("XDG_CACHE_HOME", "/c")))
        .isEqualTo(Path.of("/c/facetrail/models"));
  }

  @Test
  void aFetchThatDeliversWrongBytesIsRefusedWithTheFix() {
    ModelFetcher tampering =
        (target, files) -> {
          for (ModelFile f : files) {
            try {
              Files.write(target.resolve(f.fileName()), new byte[(int) f.size()]);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    ModelCache cache = new ModelCache(dir, tampering);
    assertThatThrownBy(() -> cache.path(ModelFile.TINY_MANIFEST))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("does not match its pinned SHA-256")
        .hasMessageContaining("models fetch");
  }

  @Test
  void extractsOnlyTheWantedFilesFromThePackageTarball() throws Exception {
    Path tgz = dir.resolve("p.tgz");
    try (OutputStream raw = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
      for (String name :
          new String[] {"package/model/tiny_face_detector_model.bin", "package/README.md"}) {
        byte[] body = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(body.length);
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    NpmModelFetcher.extract(tgz, out, EnumSet.of(ModelFile.TINY_WEIGHTS));
    assertThat(Files.readString(out.resolve("tiny_face_detector_model.bin")))
        .isEqualTo("content of package/model/tiny_face_detector_model.bin");
    assertThat(out.resolve("README.md")).doesNotExist();
    assertThatThrownBy(() -> NpmModelFetcher.extract(tgz, out, EnumSet.of(ModelFile.SSD_WEIGHTS)))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("lacks [SSD_WEIGHTS]")
        .hasMessageContaining("npm pack @vladmandic/face-api@1.7.15");
  }
}
