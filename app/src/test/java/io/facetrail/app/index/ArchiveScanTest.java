package io.facetrail.app.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveScanTest {
  @TempDir Path dir;

  private Path touch(String relative) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.write(p, new byte[] {0});
  }

  @Test
  void foldersAreSearchedForVideosInNameOrderSkippingHiddenAndOtherFiles() throws Exception {
    touch("arch/b.MP4");
    touch("arch/a/x.mkv");
    touch("arch/notes.txt");
    touch("arch/.cache/hidden.mp4");
    Path single = touch("loose/clip.bin");
    List<VideoFile> found =
        ArchiveScan.scan(List.of(dir.resolve("arch"), single, dir.resolve("arch")));
    assertThat(found)
        .extracting(VideoFile::name)
        .containsExactly("arch/a/x.mkv", "arch/b.MP4", "clip.bin");
  }

  @Test
  void missingArgumentsAreAllNamedAndAnEmptyArchiveIsAnError() throws Exception {
    assertThatThrownBy(() -> ArchiveScan.scan(List.of(dir.resolve("nope1"), dir.resolve("nope2"))))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("nope1")
        .hasMessageContaining("nope2");
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ArchiveScan.scan(List.of(dir.resolve("empty"))))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("no video files");
  }
}
