package io.facetrail.embedder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code faces.device} is read once into its typed setting, from every source. */
class EmbedderConfigDeviceTest {
  @Test
  void theDefaultIsAuto() {
    assertThat(EmbedderConfig.loader().load(null, Map.of(), Map.of()).faces().device())
        .isEqualTo(new DeviceSetting(DeviceSetting.Kind.AUTO, -1));
  }

  @Test
  void itsVariableAndSetBothGiveTheTypedSetting() {
    EmbedderConfig env =
        EmbedderConfig.loader().load(null, Map.of("FACETRAIL_FACES_DEVICE", "gpu:1"), Map.of());
    assertThat(env.faces().device()).isEqualTo(new DeviceSetting(DeviceSetting.Kind.GPU, 1));
    EmbedderConfig set =
        EmbedderConfig.loader().load(null, Map.of(), Map.of("faces.device", "auto"));
    assertThat(set.faces().device().kind()).isEqualTo(DeviceSetting.Kind.AUTO);
  }

  @Test
  void aWrongDeviceIsListedWithTheAcceptedForms() {
    assertThatThrownBy(
            () ->
                EmbedderConfig.loader()
                    .load(
                        null,
                        Map.of("FACETRAIL_FACES_DEVICE", "tpu"),
                        Map.of("batching.maxFrames", "0")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(
            "faces.device: device 'tpu' is not one of cpu, gpu, gpu:N (N = 0, 1, ...), auto")
        .hasMessageContaining("batching.maxFrames");
  }
}
