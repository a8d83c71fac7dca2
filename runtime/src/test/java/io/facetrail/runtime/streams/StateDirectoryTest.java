package io.facetrail.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {
  @Test
  void underTheUsersStateHomePerApplication() {
    assertThat(StateDirectory.defaultFor("facetrail-tracker", Map.of(), "/home/ann"))
        .isEqualTo(Path.of("/home/ann/.local/state/facetrail/facetrail-tracker"));
    assertThat(
            StateDirectory.defaultFor(
                "facetrail-matcher", Map.of("XDG_STATE_HOME", "/var/state/ann"), "/home/ann"))
        .isEqualTo(Path.of("/var/state/ann/facetrail/facetrail-matcher"));
  }

  @Test
  void aRelativeStateHomeIsIgnoredAsTheSpecificationAsks() {
    assertThat(
            StateDirectory.defaultFor("app", Map.of("XDG_STATE_HOME", "relative/dir"), "/home/bo"))
        .isEqualTo(Path.of("/home/bo/.local/state/facetrail/app"));
  }

  @Test
  void aConfiguredDirectoryIsKept() {
    assertThat(StateDirectory.orDefault("/srv/state", "app")).isEqualTo("/srv/state");
    assertThat(StateDirectory.orDefault("", "app"))
        .endsWith("/facetrail/app")
        .doesNotStartWith("/tmp");
  }
}
