package io.facetrail.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Locates the deployment files in the repository the tests run from. */
public final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The repository root: the nearest folder above the working directory holding {@code mvnw}. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docker"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "repository root (with mvnw and docker/) not found above " + Path.of("").toAbsolutePath());
  }

  public static Path docker() {
    return root().resolve("docker");
  }

  public static Path chart() {
    return root().resolve("helm").resolve("facetrail");
  }

  /** The Grafana dashboards: one copy, in the chart, mounted by Compose as well. */
  public static Path dashboards() {
    return chart().resolve("dashboards");
  }

  /** Regular files under {@code dir} accepted by {@code filter}, sorted. */
  public static List<Path> files(Path dir, Predicate<Path> filter) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
