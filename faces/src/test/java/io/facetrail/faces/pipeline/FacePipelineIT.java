package io.facetrail.faces.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.testing.ParityFixture;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline on a real portrait: one face, consistent outputs, typed decode errors. */
class FacePipelineIT {
  private static FacePipeline pipeline;

  @BeforeAll
  static void load() {
    pipeline = FacePipeline.create(FacePipelineSettings.defaults().withBatches(4, 16, 0));
  }

  @AfterAll
  static void close() {
    pipeline.close();
  }

  static byte[] png() throws IOException {
    try (InputStream in = FacePipelineIT.class.getResourceAsStream("/parity/astronaut-256.png")) {
      return in.readAllBytes();
    }
  }

  @Test
  void findsTheOneFaceWithCompleteOutputs() {
    RgbImage image = ParityFixture.image();
    ImageAnalysis a = pipeline.analyse(image);
    assertThat(a.faces()).hasSize(1);
    AnalysedFace f = a.faces().get(0);
    assertThat(f.detectionScore()).isGreaterThan(0.7f);
    assertThat(f.box().x()).isBetween(80f, 100f);
    assertThat(f.landmarks()).hasSize(136);
    // Eyes (36-47) lie inside the box, the left eye left of the right one.
    assertThat(f.landmarks()[72]).isBetween(f.box().x(), f.box().right());
    assertThat(f.landmarks()[72]).isLessThan(f.landmarks()[90]);
    double norm = 0;
    for (float v : f.embedding()) {
      norm += v * v;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(f.code()).isEqualTo(FaceCode.quantise(f.embedding()));
    assertThat(f.quality()).isBetween(0.3f, 1f);
    byte[] jpeg = f.thumbnail(image, 64);
    RgbImage thumb = Images.decode(jpeg);
    assertThat(Math.max(thumb.width(), thumb.height())).isEqualTo(64);
    assertThat(pipeline.modelId()).isEqualTo("dlib-r29-v1");
  }

  @Test
  void theSameFaceMirroredAndBatchedEmbedsClose() throws IOException {
    RgbImage image = ParityFixture.image();
    BatchAnalysis b = pipeline.analyse(List.of(image, image.mirrored()));
    float[] e0 = b.images().get(0).faces().get(0).embedding();
    float[] e1 = b.images().get(1).faces().get(0).embedding();
    assertThat(FaceCode.distance(e0, e1)).isLessThan(0.3f);
    assertThat(b.timings().detectNanos()).isPositive();
    assertThat(b.timings().embedNanos()).isPositive();
  }

  @Test
  void jitteredChipsMoveTheCodeALittle() {
    RgbImage image = ParityFixture.image();
    float[] plain = pipeline.analyse(image).faces().get(0).embedding();
    try (FacePipeline jittered =
        FacePipeline.create(FacePipelineSettings.defaults().withBatches(4, 16, 0).withJitter(8))) {
      AnalysedFace f = jittered.analyse(image).faces().get(0);
      // Same detection and landmarks; the code averages 10 chips instead of 2.
      assertThat(f.landmarks()).containsExactly(pipeline.analyse(image).faces().get(0).landmarks());
      float d = FaceCode.distance(plain, f.embedding());
      assertThat(d).isGreaterThan(1e-3f).isLessThan(0.15f);
    }
  }

  @Test
  void undecodableImagesFailAloneWithAReason() throws IOException {
    byte[] good = png();
    byte[] truncated = java.util.Arrays.copyOf(good, 40);
    BatchAnalysis b = pipeline.analyseEncoded(List.of(truncated, good, new byte[0]));
    assertThat(b.images()).hasSize(3);
    assertThat(b.images().get(0).decoded()).isFalse();
    assertThat(b.images().get(0).failure()).hasMessageContaining("not a decodable image");
    assertThat(b.images().get(1).faces()).hasSize(1);
    assertThat(b.images().get(2).failure()).hasMessageContaining("empty");
    assertThat(b.timings().decodeNanos()).isPositive();
  }
}
