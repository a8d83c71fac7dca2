package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Enrols the cast into the suite's Redis gallery with {@code facetrail gallery enroll --dir}. */
final class GalleryEnrolment {
  private final ChildProcesses children;
  private final Path log;

  GalleryEnrolment(ChildProcesses children, Path work) {
    this.children = children;
    this.log = work.resolve("gallery-enroll.log");
  }

  /** The command's exit code when some photos were refused and the rest enrolled. */
  private static final int PARTIAL = 3;

  /**
   * Enrols the folders under {@code dir} and checks that each of {@code persons} (folder names) was
   * enrolled: a photo refused for its quality is fine, a person missing from the gallery is not.
   */
  void enrol(Path dir, List<String> persons) throws IOException, InterruptedException {
    Process p = children.facetrail(log, List.of("gallery", "enroll", "--dir", dir.toString()));
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      ChildProcesses.kill(p);
      throw new IllegalStateException("gallery enroll took over 10 minutes (log: " + log + ")");
    }
    String output = Files.readString(log);
    if (p.exitValue() != 0 && p.exitValue() != PARTIAL) {
      throw new IllegalStateException(
          "gallery enroll exited with " + p.exitValue() + " (log: " + log + ")");
    }
    for (String person : persons) {
      if (!output.contains(person.replace('_', ' ') + ": enrolled as")) {
        throw new IllegalStateException(
            "gallery enroll did not enrol " + person + " (log: " + log + ")");
      }
    }
  }
}
