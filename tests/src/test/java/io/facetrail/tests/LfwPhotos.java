package io.facetrail.tests;

import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** LFW photos (deep-funneled) of named people: the faces of the test videos and enrolments. */
final class LfwPhotos {
  private LfwPhotos() {}

  /** Photo {@code n} of {@code person} (e.g. {@code Colin_Powell}, 1). */
  static Path photo(String person, int n) {
    Path lfw = SharedData.requireLfw().resolve("lfw-deepfunneled");
    return lfw.resolve(person).resolve(String.format("%s_%04d.jpg", person, n));
  }

  /** Copies photos of {@code person} into {@code root/person}, an enrolment folder. */
  static void enrol(Path root, String person, int... photos) throws IOException {
    Path d = Files.createDirectories(root.resolve(person));
    for (int n : photos) {
      Files.copy(photo(person, n), d.resolve(photo(person, n).getFileName()));
    }
  }
}
