package io.facetrail.evaluation.lfw;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where LFW's parts are in the folder a user names: the deep-funneled images in {@code
 * lfw-deepfunneled/} (or the folder is that image folder itself) and the protocol in {@code
 * pairs.txt}, unless a command's --pairs names another file.
 */
public final class LfwLayout {
  private LfwLayout() {}

  /** The image folder ({@code <Name>/<Name>_NNNN.jpg}): {@code lfw-deepfunneled/}, else itself. */
  public static Path images(Path lfwDir) {
    Path deepFunneled = lfwDir.resolve("lfw-deepfunneled");
    return Files.isDirectory(deepFunneled) ? deepFunneled : lfwDir;
  }

  /**
   * {@link #images}, checked.
   *
   * @throws UserFacingException when it is not a folder
   */
  public static Path existingImages(Path lfwDir) {
    Path images = images(lfwDir);
    if (!Files.isDirectory(images)) {
      throw new UserFacingException("LFW image folder not found: " + images);
    }
    return images;
  }

  /** The protocol file: {@code pairs} when given, else {@code pairs.txt} in {@code lfwDir}. */
  public static Path pairsFile(Path lfwDir, Path pairs) {
    return pairs != null ? pairs : lfwDir.resolve("pairs.txt");
  }
}
