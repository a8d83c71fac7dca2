package io.facetrail.trainer.chips;

import io.facetrail.faces.detect.SubjectSource;
import io.facetrail.faces.image.RgbImage;
import java.util.Objects;

/**
 * The aligned chip of one photo.
 *
 * @param photo the photo's path relative to the dataset root ({@code Name/Name_0001.jpg})
 * @param source how its face was found
 * @param image the 150x150 aligned chip
 */
public record Chip(String photo, SubjectSource source, RgbImage image) {
  public Chip {
    Objects.requireNonNull(photo, "photo");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(image, "image");
  }

  /** The identity: the photo's folder name. */
  public String identity() {
    int slash = photo.indexOf('/');
    return slash < 0 ? photo : photo.substring(0, slash);
  }

  @Override
  public String toString() {
    // The photo path names a person: keep it out of logs that print records.
    return "Chip[" + source + ", " + image + "]";
  }
}
