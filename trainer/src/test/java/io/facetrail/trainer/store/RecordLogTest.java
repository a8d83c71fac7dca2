package io.facetrail.trainer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {
  private static final int MARKER = 0x54455354;
  @TempDir Path dir;

  private List<String> reopen(Path file) {
    List<String> read = new ArrayList<>();
    RecordLog.open(file, MARKER, "test log", in -> read.add(in.readUTF())).close();
    return read;
  }

  @Test
  void recordsSurviveReopeningAndATornLastRecordIsDropped() throws Exception {
    Path file = dir.resolve("sub/log.bin");
    try (RecordLog log = RecordLog.open(file, MARKER, "test log", in -> {})) {
      log.append(out -> out.writeUTF("alpha"));
      log.append(out -> out.writeUTF("beta"));
    }
    long whole = Files.size(file);
    // A crash mid-record: a marker and half a body.
    Files.write(file, new byte[] {0x54, 0x45, 0x53, 0x54, 0, 9, 'g'}, StandardOpenOption.APPEND);
    assertThat(reopen(file)).containsExactly("alpha", "beta");
    assertThat(Files.size(file)).isEqualTo(whole);
    try (RecordLog log = RecordLog.open(file, MARKER, "test log", in -> in.readUTF())) {
      log.append(out -> out.writeUTF("gamma"));
    }
    assertThat(reopen(file)).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void aFileOfAnotherKindIsRefusedWithItsName() throws Exception {
    Path file = dir.resolve("other.bin");
    Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThatThrownBy(() -> reopen(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot open test log")
        .hasStackTraceContaining("not a test log (bad record marker at byte 0)");
  }
}
