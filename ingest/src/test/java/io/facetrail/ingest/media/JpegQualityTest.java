package io.facetrail.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JpegQualityTest {
  @Test
  void fiftyIsTheStandardTableAndTheScaleIsLibjpegs() {
    assertThat(JpegQuality.luma(50)[0]).isEqualTo(16);
    assertThat(JpegQuality.luma(75)[0]).isEqualTo(8);
    assertThat(JpegQuality.luma(100)).containsOnly(1);
    assertThat(JpegQuality.chroma(1)).contains(255);
  }
}
