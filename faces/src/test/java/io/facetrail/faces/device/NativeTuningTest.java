package io.facetrail.faces.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeTuningTest {
  @Test
  void reportsEachVariableInAStableOrder() {
    Map<String, String> env = Map.of("OMP_WAIT_POLICY", "ACTIVE", "PATH", "/bin");
    assertThat(NativeTuning.current(env))
        .containsExactly(
            Map.entry("MALLOC_MMAP_THRESHOLD_", "unset"),
            Map.entry("MALLOC_TOP_PAD_", "unset"),
            Map.entry("MALLOC_TRIM_THRESHOLD_", "unset"),
            Map.entry("OMP_WAIT_POLICY", "ACTIVE"));
  }

  @Test
  void listsOnlyTheVariablesNotSet() {
    Map<String, String> env =
        Map.of(
            "OMP_WAIT_POLICY", "PASSIVE",
            "MALLOC_MMAP_THRESHOLD_", "1",
            "MALLOC_TRIM_THRESHOLD_", "2");
    assertThat(NativeTuning.missing(env)).containsExactly("MALLOC_TOP_PAD_");
    assertThat(NativeTuning.missing(NativeTuning.RECOMMENDED)).isEmpty();
  }
}
