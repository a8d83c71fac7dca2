package io.facetrail.faces.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the pinned {@code libdlib-data} package from the Debian archive, checks the {@code .deb}
 * against its pinned size and SHA-256, and extracts the wanted files from its {@code data.tar.xz}
 * (the cache then verifies each extracted file's own SHA-256).
 */
public final class DebianModelFetcher implements ModelFetcher {
  private static final Logger log = LoggerFactory.getLogger(DebianModelFetcher.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private final URI url;

  public DebianModelFetcher() {
    this(URI.create(DebianPackage.URL));
  }

  /** A fetcher reading the pinned package from another address (a mirror, or a test server). */
  public DebianModelFetcher(URI url) {
    this.url = url;
  }

  @Override
  public void fetch(Path dir, Set<ModelFile> files) {
    Path deb = null;
    try {
      Files.createDirectories(dir);
      deb = Files.createTempFile(dir, DebianPackage.NAME, ".deb.part");
      download(deb, dir, files);
      String sha = Checksums.sha256(deb);
      if (Files.size(deb) != DebianPackage.SIZE || !sha.equals(DebianPackage.SHA256)) {
        throw new ModelCacheException(
            "the package downloaded from "
                + url
                + " is not the pinned one ("
                + Files.size(deb)
                + " bytes, SHA-256 "
                + sha
                + "; expected "
                + DebianPackage.SIZE
                + " bytes, "
                + DebianPackage.SHA256
                + ")"
                + manualSteps(dir, files));
      }
      extract(deb, dir, files);
    } catch (IOException e) {
      throw new ModelCacheException(
          "cannot fetch " + url + ": " + e.getMessage() + manualSteps(dir, files), e);
    } finally {
      if (deb != null) {
        try {
          Files.deleteIfExists(deb);
        } catch (IOException e) {
          log.warn("Could not delete temporary file {}: {}", deb, e.getMessage());
        }
      }
    }
  }

  private void download(Path target, Path dir, Set<ModelFile> files) throws IOException {
    log.info("Downloading {} ({} MB)", url, DebianPackage.SIZE / 1_000_000);
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
    HttpResponse<Path> response;
    try {
      response =
          client.send(
              request,
              HttpResponse.BodyHandlers.ofFile(
                  target,
                  java.nio.file.StandardOpenOption.WRITE,
                  java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelCacheException("interrupted while downloading " + url, e);
    }
    if (response.statusCode() != 200) {
      throw new ModelCacheException(
          "downloading "
              + url
              + " answered HTTP "
              + response.statusCode()
              + manualSteps(dir, files));
    }
  }

  /** Extracts {@code files} from the package's {@code data.tar.xz} into {@code dir}, atomically. */
  static void extract(Path deb, Path dir, Set<ModelFile> files) throws IOException {
    String archive = "the package " + deb;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(deb));
        ArArchiveInputStream ar = new ArArchiveInputStream(raw)) {
      ArArchiveEntry e = ar.getNextEntry();
      while (e != null && !e.getName().equals("data.tar.xz")) {
        e = ar.getNextEntry();
      }
      if (e == null) {
        throw new ModelCacheException(archive + " has no data.tar.xz" + manualSteps(dir, files));
      }
      // Closing the tar stream closes the ar stream too: data.tar.xz is the last member needed.
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(ar, true))) {
        TarExtraction.extract(
            tar,
            dir,
            files,
            f -> DebianPackage.FOLDER_IN_DATA + f.fileName(),
            archive,
            manualSteps(dir, files));
      }
    }
  }

  static String manualSteps(Path dir, Set<ModelFile> files) {
    String names =
        files.stream()
            .map(f -> DebianPackage.FOLDER_IN_DATA + f.fileName())
            .collect(Collectors.joining(" "));
    return ". To install the model by hand: download "
        + DebianPackage.URL
        + " (or run `apt-get download "
        + DebianPackage.NAME
        + "="
        + DebianPackage.VERSION
        + "` on a Debian machine), check that its SHA-256 is "
        + DebianPackage.SHA256
        + ", run `ar x "
        + DebianPackage.NAME
        + "_"
        + DebianPackage.VERSION
        + "_all.deb data.tar.xz && tar xJf data.tar.xz "
        + names
        + "`, and copy the extracted file(s) into "
        + dir
        + " (or point "
        + ModelCache.DIR_ENV
        + " at the folder holding them); their SHA-256 sums are checked on load.";
  }
}
