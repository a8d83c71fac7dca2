package io.facetrail.faces.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceSettingTest {
  @Test
  void parsesEveryForm() {
    assertThat(DeviceSetting.parse("cpu").kind()).isEqualTo(DeviceSetting.Kind.CPU);
    assertThat(DeviceSetting.parse(" AUTO ").kind()).isEqualTo(DeviceSetting.Kind.AUTO);
    assertThat(DeviceSetting.parse("gpu")).isEqualTo(new DeviceSetting(DeviceSetting.Kind.GPU, 0));
    assertThat(DeviceSetting.parse("gpu:3").gpuIndex()).isEqualTo(3);
    assertThat(DeviceSetting.parse("gpu:3")).hasToString("gpu:3");
  }

  @Test
  void refusesOthersNamingTheForms() {
    assertThatThrownBy(() -> DeviceSetting.parse("cuda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpu, gpu, gpu:N");
    assertThatThrownBy(() -> DeviceSetting.parse("gpu:-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
