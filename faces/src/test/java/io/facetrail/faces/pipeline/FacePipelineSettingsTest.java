package io.facetrail.faces.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.runtime.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class FacePipelineSettingsTest {
  private static final FacePipelineSettings D = FacePipelineSettings.defaults();

  @Test
  void theDetectorsOwnInputSizeIsTheDefault() {
    assertThat(D.detectorInputSize()).isZero();
    assertThat(D.validated()).isSameAs(D);
  }

  @Test
  void theTinyDetectorTakesMultiplesOf32() {
    FacePipelineSettings tiny = D.withDetection(DetectorKind.TINY, 0.5, 0.0);
    assertThat(tiny.withDetectorInputSize(832).validated().detectorInputSize()).isEqualTo(832);
    assertThatThrownBy(() -> tiny.withDetectorInputSize(820).validated())
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigurationException) e).problems())
                    .anySatisfy(p -> assertThat(p).contains("detectorInputSize", "820")));
    assertThatThrownBy(() -> tiny.withDetectorInputSize(96).validated())
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void jitterIsOffByDefaultAndBounded() {
    assertThat(D.jitter()).isZero();
    assertThat(D.withJitter(16).validated().jitter()).isEqualTo(16);
    assertThatThrownBy(() -> D.withJitter(-1).validated())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("jitter");
    assertThatThrownBy(
            () ->
                D.withJitter(4)
                    .withEmbedding(io.facetrail.faces.align.AlignmentMethod.UNROTATED_BOX, true)
                    .validated())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("UNROTATED_BOX");
  }

  @Test
  void thePixelLimitIsFortyMegapixelsByDefaultAndBounded() {
    assertThat(D.maxImagePixels()).isEqualTo(40_000_000L);
    assertThat(D.pixelLimit().maxPixels()).isEqualTo(40_000_000L);
    assertThat(D.toBuilder().maxImagePixels(1_000).build().validated().maxImagePixels())
        .isEqualTo(1_000);
    assertThat(D.withJitter(2).maxImagePixels()).isEqualTo(40_000_000L);
    assertThatThrownBy(() -> D.toBuilder().maxImagePixels(0).build().validated())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxImagePixels");
    assertThatThrownBy(() -> D.toBuilder().maxImagePixels(1L << 40).build().validated())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxImagePixels");
  }

  @Test
  void theSsdInputIsFixed() {
    assertThat(D.withDetectorInputSize(512).validated().detectorInputSize()).isEqualTo(512);
    assertThatThrownBy(() -> D.withDetectorInputSize(640).validated())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("fixed");
  }

  @Test
  void theBlazeFaceFamilyInputsAreFixed() {
    for (DetectorKind kind :
        new DetectorKind[] {DetectorKind.BLAZEFACE_BACK, DetectorKind.MEDIAPIPE_FULL}) {
      FacePipelineSettings s = D.withDetection(kind, 0.5, 0.0);
      assertThat(s.validated().detector()).isEqualTo(kind);
      assertThatThrownBy(() -> s.withDetectorInputSize(256).validated())
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("fixed");
    }
  }

  @Test
  void everyCopyKeepsTheInputSize() {
    FacePipelineSettings s =
        D.withDetection(DetectorKind.TINY, 0.5, 0.0).withDetectorInputSize(640);
    assertThat(s.withDevice("cpu").detectorInputSize()).isEqualTo(640);
    assertThat(s.withBatches(1, 2, 1).detectorInputSize()).isEqualTo(640);
    assertThat(s.withEmbedding(D.alignment(), false).detectorInputSize()).isEqualTo(640);
    assertThat(s.withLandmarks(LandmarkModel.TREES).detectorInputSize()).isEqualTo(640);
    assertThat(s.withModelsDir(null).detectorInputSize()).isEqualTo(640);
  }

  @Test
  void aDeviceOptionIsParsedOnceAndAWrongOneReportedAsConfiguration() {
    assertThat(D.withDevice("gpu:1").device())
        .isEqualTo(new DeviceSetting(DeviceSetting.Kind.GPU, 1));
    assertThatThrownBy(() -> D.withDevice("tpu"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("device: device 'tpu' is not one of cpu, gpu, gpu:N");
  }
}
