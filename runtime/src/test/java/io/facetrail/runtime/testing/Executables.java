package io.facetrail.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the real servers and tools a test starts (redis-server, yamllint, ...) on the {@code PATH},
 * as a user's shell would, rather than at one fixed location: Debian puts redis-server in {@code
 * /usr/bin}, a source build in {@code /usr/local/bin}.
 */
public final class Executables {
  private Executables() {}

  /** The executable {@code name} on the PATH (then /usr/sbin, /usr/bin), if any. */
  public static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(
            Stream.of(path.split(":")), Stream.of("/usr/local/bin", "/usr/bin", "/usr/sbin"))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The executable {@code name}, or skips (fails under CI, see {@link Skips}) the calling test
   * naming the Debian package that provides it.
   */
  public static Path require(String name, String debianPackage) {
    Optional<Path> found = find(name);
    if (found.isEmpty()) {
      Skips.skip(
          name
              + " is not installed (Debian: apt-get install -y --no-install-recommends "
              + debianPackage
              + ")");
    }
    return found.orElseThrow();
  }
}
