package io.facetrail.faces.device;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeviceDecisionTest {
  private static final NativeLibrary CPU_BUILD =
      new NativeLibrary(
          Path.of("/cache/pytorch/2.7.1-cpu-linux-x86_64"),
          false,
          "cpu: PyTorch's CPU build from pytorch-native-cpu-2.7.1-linux-x86_64.jar (the default)");
  private static final NativeLibrary CUDA_BUILD =
      new NativeLibrary(Path.of("/opt/libtorch/lib"), true, "");

  private static DeviceDecision decide(String setting, NativeLibrary lib, int gpus) {
    return DeviceDecision.decide(DeviceSetting.parse(setting), lib, gpus);
  }

  @Test
  void autoOnTheCpuBuildSaysSoAndHowToGetAGpu() {
    DeviceDecision d = decide("auto", CPU_BUILD, 0);
    assertThat(d.device()).isEqualTo(Device.cpu());
    assertThat(d.fellBack()).isFalse();
    assertThat(d.reason())
        .startsWith("faces.device=auto; the loaded PyTorch is a CPU build")
        .contains("native library cpu: PyTorch's CPU build")
        .endsWith(DeviceDecision.GPU_HELP);
  }

  @Test
  void autoOnTheCudaBuildWithoutDevicesBlamesTheDriverNotTheBuild() {
    DeviceDecision d = decide("auto", CUDA_BUILD, 0);
    assertThat(d.device()).isEqualTo(Device.cpu());
    assertThat(d.reason())
        .isEqualTo(
            "faces.device=auto; no CUDA device visible to the CUDA build of PyTorch in"
                + " /opt/libtorch/lib (driver, CUDA_VISIBLE_DEVICES)");
  }

  @Test
  void autoTakesTheFirstGpu() {
    DeviceDecision d = decide("auto", CUDA_BUILD, 2);
    assertThat(d.device()).isEqualTo(Device.gpu(0));
    assertThat(d.reason()).isEqualTo("faces.device=auto; PyTorch sees 2 CUDA devices");
  }

  @Test
  void aGpuThatIsThereIsUsed() {
    DeviceDecision d = decide("gpu:1", CUDA_BUILD, 2);
    assertThat(d.device()).isEqualTo(Device.gpu(1));
    assertThat(d.fellBack()).isFalse();
  }

  @Test
  void aMissingGpuFallsBackAndSaysWhy() {
    DeviceDecision d = decide("gpu:1", CUDA_BUILD, 1);
    assertThat(d.device()).isEqualTo(Device.cpu());
    assertThat(d.fellBack()).isTrue();
    assertThat(d.reason())
        .isEqualTo(
            "faces.device=gpu:1 requested, falling back to the CPU: PyTorch sees 1 CUDA device");

    DeviceDecision onCpuBuild = decide("gpu", CPU_BUILD, 0);
    assertThat(onCpuBuild.fellBack()).isTrue();
    assertThat(onCpuBuild.reason())
        .contains("the loaded PyTorch is a CPU build")
        .endsWith(DeviceDecision.GPU_HELP);
  }

  @Test
  void cpuIsUsedWhenAskedForEvenWithGpus() {
    DeviceDecision d = decide("cpu", CUDA_BUILD, 4);
    assertThat(d.device()).isEqualTo(Device.cpu());
    assertThat(d.reason()).isEqualTo("faces.device=cpu");
    assertThat(
            new ResolvedDevice(d.device(), ai.djl.ndarray.types.DataType.FLOAT32, 2, d.reason())
                .line())
        .isEqualTo("device cpu (faces.device=cpu)");
  }
}
