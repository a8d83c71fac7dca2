package io.facetrail.api.photos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadBatchTest {
  @Test
  void anUploadedFileNameIsReducedToASafeBaseName() {
    assertThat(UploadBatch.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(UploadBatch.safeName("C:\\photos\\me.jpg")).isEqualTo("me.jpg");
    assertThat(UploadBatch.safeName("evil\u202Egpj.exe")).isEqualTo("evilgpj.exe");
    assertThat(UploadBatch.safeName("a\nb\u0000c.jpg")).isEqualTo("abc.jpg");
    assertThat(UploadBatch.safeName("..")).isEqualTo("photo");
    assertThat(UploadBatch.safeName(null)).isEqualTo("photo");
    assertThat(UploadBatch.safeName("x".repeat(500))).hasSize(120);
  }
}
