package io.facetrail.evaluation.lfw;

import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Photos of a dataset folder (LFW's {@code <Name>/<Name>_NNNN.jpg}) decoded for a batch: a photo
 * that cannot be read stops the run with its path, since the protocol's figures would silently
 * change without it.
 */
public final class PhotoFiles {
  private PhotoFiles() {}

  /**
   * The photos {@code names} under {@code root}, decoded, in order.
   *
   * @param what names a photo in the error, e.g. "LFW image"
   * @throws UserFacingException when one cannot be read or decoded
   */
  public static List<RgbImage> decode(Path root, List<String> names, String what) {
    List<RgbImage> images = new ArrayList<>(names.size());
    for (String n : names) {
      Path file = root.resolve(n);
      try {
        images.add(Images.decode(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UserFacingException(
            "cannot read " + what + " " + file + ": " + e.getMessage(), e);
      }
    }
    return images;
  }
}
