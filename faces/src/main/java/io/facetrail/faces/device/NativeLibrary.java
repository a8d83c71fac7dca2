package io.facetrail.faces.device;

import ai.djl.pytorch.jni.LibUtils;
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
}
