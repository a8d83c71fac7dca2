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

  void enrol(Path dir) throws IOException, InterruptedException {
    Process p = children.facetrail(log, List.of("gallery", "enroll", "--dir", dir.toString()));
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      ChildProcesses.kill(p);
      throw new IllegalStateException("gallery enroll took over 10 minutes (log: " + log + ")");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "gallery enroll exited with " + p.exitValue() + ": " + Files.readString(log).strip());
    }
  }
}
