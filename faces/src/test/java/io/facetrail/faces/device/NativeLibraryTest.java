package io.facetrail.faces.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {
  @Test
  void aLoadFailureNamesTheRootCauseAndTheLaunchersChoice() {
    Throwable error =
        new IllegalStateException(
            "Failed to load PyTorch native library",
            new UnsatisfiedLinkError(
                "/cache/pytorch/2.7.1-cu128-linux-x86_64/0.36.0-libdjl_torch.so: libc10_cuda.so:"
                    + " cannot open shared object file: No such file or directory"));
    String message =
        NativeLibrary.loadFailure(error, "cuda: libtorch 2.7.1+cu128 from DJL's cache (x)")
            .getMessage();
    assertThat(message)
        .startsWith(
            "PyTorch's native library cannot be loaded: /cache/pytorch/2.7.1-cu128-linux-x86_64/"
                + "0.36.0-libdjl_torch.so: libc10_cuda.so: cannot open shared object file")
        .contains("(native library cuda: libtorch 2.7.1+cu128 from DJL's cache (x))")
        .endsWith("for a GPU see README.md, \"Using a GPU\"");
    assertThat(NativeLibrary.loadFailure(error, "").getMessage())
        .doesNotContain("native library (");
  }
}
