package io.facetrail.benchmarks.faults;

import io.facetrail.benchmarks.movie.FaceMovie;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is in the generated video and who is enrolled, from a folder of LFW deep-funneled photos: two
 * enrolled persons (three photos each; the video shows a fourth, never enrolled photo of them) and
 * one stranger, so a run has identified, ended and unknown events to lose.
 */
final class LfwCast {
  static final List<String> ENROLLED = List.of("Colin_Powell", "Tony_Blair");
  static final String STRANGER = "Gerhard_Schroeder";
  private static final int[] ENROLMENT_PHOTOS = {2, 3, 4};
  private static final int VIDEO_PHOTO = 1;

  private final Path lfw;

  /** {@code lfwDir}: the {@code lfw-deepfunneled} folder or the folder that contains it. */
  LfwCast(Path lfwDir) {
    Path nested = lfwDir.resolve("lfw-deepfunneled");
    this.lfw = Files.isDirectory(nested) ? nested : lfwDir;
    List<String> missing = new ArrayList<>();
    for (String person : ENROLLED) {
      for (int n : ENROLMENT_PHOTOS) {
        check(photo(person, n), missing);
      }
      check(photo(person, VIDEO_PHOTO), missing);
    }
    check(photo(STRANGER, VIDEO_PHOTO), missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "--lfw-dir "
              + lfwDir
              + " lacks the LFW deep-funneled photos the suite uses, e.g. "
              + missing.get(0)
              + " ("
              + missing.size()
              + " missing)");
    }
  }

  private static void check(Path p, List<String> missing) {
    if (!Files.isRegularFile(p)) {
      missing.add(p.toString());
    }
  }

  Path photo(String person, int n) {
    return lfw.resolve(person).resolve(String.format("%s_%04d.jpg", person, n));
  }

  /**
   * Copies the enrolment photos into {@code root/<person>/}, the layout of gallery enroll --dir.
   */
  Path enrolmentDir(Path root) throws IOException {
    for (String person : ENROLLED) {
      Path d = Files.createDirectories(root.resolve(person));
      for (int n : ENROLMENT_PHOTOS) {
        Path src = photo(person, n);
        Files.copy(src, d.resolve(src.getFileName()));
      }
    }
    return root;
  }

  /**
   * A video of {@code seconds}: each enrolled person walks across for most of it, the stranger in
   * the middle part, all apart so the tracker keeps them separate.
   */
  Path writeVideo(Path file, double seconds) throws IOException {
    return FaceMovie.write(
        file,
        seconds,
        List.of(
            new FaceMovie.Appearance(
                photo(ENROLLED.get(0), VIDEO_PHOTO), 0.2, seconds * 0.8, 150, 400, 170, 170),
            new FaceMovie.Appearance(
                photo(ENROLLED.get(1), VIDEO_PHOTO),
                seconds * 0.2,
                seconds - 0.2,
                650,
                420,
                430,
                170),
            new FaceMovie.Appearance(
                photo(STRANGER, VIDEO_PHOTO), seconds * 0.3, seconds * 0.7, 600, 650, 170, 160)));
  }
}
