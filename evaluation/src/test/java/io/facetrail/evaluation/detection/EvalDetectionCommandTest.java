package io.facetrail.evaluation.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.runtime.cli.UserFacingException;
import org.junit.jupiter.api.Test;

class EvalDetectionCommandTest {
  @Test
  void parsesAFrameSizeAndRefusesNonsense() {
    assertThat(EvalDetectionCommand.parseSize("1280X720")).containsExactly(1280, 720);
    for (String bad : new String[] {"640", "640x", "x360", "10x10", "99999x720", "640x360x3"}) {
      assertThatThrownBy(() -> EvalDetectionCommand.parseSize(bad))
          .as(bad)
          .isInstanceOf(UserFacingException.class)
          .hasMessageContaining("--frame-size");
    }
  }
}
