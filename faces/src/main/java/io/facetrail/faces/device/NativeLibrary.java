package io.facetrail.faces.device;

import ai.djl.pytorch.jni.LibUtils;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PyTorch native library this process loaded: where it is, whether it is a CUDA build, and why
 * it was chosen when the {@code facetrail} launcher chose it (its {@code facetrail.native} system
 * property, see {@code app/src/main/sh/native-library.sh}).
 *
 * @param dir the folder of the loaded {@code libtorch.so}
 * @param cudaBuild whether that libtorch can drive a GPU at all (it ships {@code libtorch_cuda})
 * @param choice the launcher's account of the choice, or empty when the JVM was started otherwise
 */
public record NativeLibrary(Path dir, boolean cudaBuild, String choice) {
  /** The system property the launcher sets to say which library it chose and why. */
  public static final String CHOICE_PROPERTY = "facetrail.native";

  /** The library of this process; the PyTorch engine must have been loaded. */
  public static NativeLibrary loaded() {
    Path dir = Path.of(LibUtils.getLibtorchPath());
    return new NativeLibrary(
        dir,
        Files.exists(dir.resolve(System.mapLibraryName("torch_cuda"))),
        System.getProperty(CHOICE_PROPERTY, ""));
  }

  /**
   * The error for a native library that cannot be loaded (a CUDA build without its CUDA libraries,
   * a libtorch of another version): the root cause, the launcher's choice, and where to look. It is
   * the user's setup, not a bug, so it is printed without a stack trace.
   */
  public static UserFacingException loadFailure(Throwable error) {
    return loadFailure(error, System.getProperty(CHOICE_PROPERTY, ""));
  }

  static UserFacingException loadFailure(Throwable error, String choice) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new UserFacingException(
        "PyTorch's native library cannot be loaded: "
            + root.getMessage()
            + (choice.isEmpty() ? "" : " (native library " + choice + ")")
            + ". FACETRAIL_NATIVE=cpu runs on the CPU build; for a GPU see README.md, \"Using a"
            + " GPU\"",
        error);
  }
}
