package io.facetrail.evaluation.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.runtime.cli.UserFacingException;
import org.junit.jupiter.api.Test;

class DetectorSpecTest {
  @Test
  void parsesDetectorsEnsemblesAndFloors() {
    assertThat(DetectorSpec.parse("ssd").members())
        .containsExactly(new DetectorSpec.Member(DetectorKind.SSD, null));
    DetectorSpec e = DetectorSpec.parse("SSD+blazeface_back@0.5");
    assertThat(e.members())
        .containsExactly(
            new DetectorSpec.Member(DetectorKind.SSD, null),
            new DetectorSpec.Member(DetectorKind.BLAZEFACE_BACK, 0.5f));
    assertThat(e.name()).isEqualTo("ssd+blazeface_back@0.5");
  }

  @Test
  void refusesUnknownDetectorsAndBadFloors() {
    for (String bad : new String[] {"YOLO", "SSD+", "SSD@x", "SSD@1.5", "SSD@0.3@0.4"}) {
      assertThatThrownBy(() -> DetectorSpec.parse(bad))
          .as(bad)
          .isInstanceOf(UserFacingException.class)
          .hasMessageContaining("--detectors");
    }
  }
}
