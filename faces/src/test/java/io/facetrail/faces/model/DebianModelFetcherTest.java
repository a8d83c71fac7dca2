package io.facetrail.faces.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianModelFetcherTest {
  @TempDir Path dir;

  /** A .deb laid out like Debian's: debian-binary, control.tar.xz, data.tar.xz. */
  private Path deb(String... dataFiles) throws Exception {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new XZCompressorOutputStream(data))) {
      for (String name : dataFiles) {
        byte[] body = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(body.length);
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    Path deb = dir.resolve("p.deb");
    try (OutputStream raw = Files.newOutputStream(deb);
        ArArchiveOutputStream ar = new ArArchiveOutputStream(raw)) {
      Map<String, byte[]> members = new java.util.LinkedHashMap<>();
      members.put("debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
      members.put("control.tar.xz", new byte[] {1, 2, 3, 4});
      members.put("data.tar.xz", data.toByteArray());
      for (var m : members.entrySet()) {
        ar.putArchiveEntry(new ArArchiveEntry(m.getKey(), m.getValue().length));
        ar.write(m.getValue());
        ar.closeArchiveEntry();
      }
    }
    return deb;
  }

  @Test
  void extractsTheModelFromTheDataArchive() throws Exception {
    String wanted = "./usr/share/dlib/shape_predictor_68_face_landmarks.dat";
    Path deb = deb("./usr/share/doc/libdlib-data/copyright", wanted);
    Path out = Files.createDirectories(dir.resolve("out"));
    DebianModelFetcher.extract(deb, out, EnumSet.of(ModelFile.SHAPE_PREDICTOR_68));
    assertThat(Files.readString(out.resolve("shape_predictor_68_face_landmarks.dat")))
        .isEqualTo("content of " + wanted);
    assertThat(out.resolve("copyright")).doesNotExist();
  }

  @Test
  void aPackageWithoutTheModelFailsWithTheManualSteps() throws Exception {
    Path deb = deb("./usr/share/doc/libdlib-data/copyright");
    assertThatThrownBy(
            () -> DebianModelFetcher.extract(deb, dir, EnumSet.of(ModelFile.SHAPE_PREDICTOR_68)))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("lacks [SHAPE_PREDICTOR_68]")
        .hasMessageContaining("12dda15b1323ca7772bd9cae31f2b839485b36f51b1fe51707a272b94b71c106")
        .hasMessageContaining("tar xJf data.tar.xz");
  }

  @Test
  void anUnreachableSourceNamesTheManualSteps() {
    // Port 9 (discard) on the loopback is closed on these machines: the connection is refused.
    DebianModelFetcher fetcher =
        new DebianModelFetcher(java.net.URI.create("http://127.0.0.1:9/libdlib-data.deb"));
    assertThatThrownBy(() -> fetcher.fetch(dir, EnumSet.of(ModelFile.SHAPE_PREDICTOR_68)))
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("cannot fetch http://127.0.0.1:9/")
        .hasMessageContaining("apt-get download libdlib-data=19.24+dfsg-1");
  }

  @Test
  void eachFileGoesToTheFetcherOfItsSource() {
    Map<ModelSource, Set<ModelFile>> asked = new HashMap<>();
    SourceFetcher fetcher =
        new SourceFetcher(
            Map.of(
                ModelSource.FACE_API_NPM,
                (d, files) -> asked.put(ModelSource.FACE_API_NPM, files),
                ModelSource.DLIB_DATA_DEBIAN,
                (d, files) -> asked.put(ModelSource.DLIB_DATA_DEBIAN, files)));
    fetcher.fetch(dir, EnumSet.of(ModelFile.TINY_WEIGHTS, ModelFile.SHAPE_PREDICTOR_68));
    assertThat(asked)
        .containsEntry(ModelSource.FACE_API_NPM, EnumSet.of(ModelFile.TINY_WEIGHTS))
        .containsEntry(ModelSource.DLIB_DATA_DEBIAN, EnumSet.of(ModelFile.SHAPE_PREDICTOR_68));
  }
}
