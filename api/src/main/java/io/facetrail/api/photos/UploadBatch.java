package io.facetrail.api.photos;

import io.facetrail.api.config.LimitSettings;
import io.facetrail.api.server.ProblemException;
import io.facetrail.faces.image.ImageDecodeException;
import io.facetrail.faces.image.ImageSize;
import io.facetrail.faces.image.PixelLimit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The photos of one multipart request, each checked before it is decoded (its size in bytes, its
 * header's pixel count) and saved in a private temporary folder that {@link #close} deletes: the
 * photos are analysed and never kept. One bad photo is refused with its reason and the others go
 * on.
 */
public final class UploadBatch implements AutoCloseable {
  private final Path dir;
  private final List<UploadedPhoto> photos;

  private UploadBatch(Path dir, List<UploadedPhoto> photos) {
    this.dir = dir;
    this.photos = List.copyOf(photos);
  }

  /**
   * Reads the files of the multipart field {@code field}.
   *
   * @throws ProblemException (400) when the request is not multipart or has no such file, (413)
   *     when it has more photos than allowed
   */
  public static UploadBatch read(Context ctx, String field, int minCount, LimitSettings limits) {
    String type = ctx.contentType();
    if (type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw ProblemException.of(
          415,
          "not-multipart",
          "Unsupported media type",
          "send the photos as multipart/form-data, one part named '" + field + "' per photo");
    }
    List<UploadedFile> files;
    try {
      files = ctx.uploadedFiles(field);
    } catch (IllegalStateException e) {
      // Jetty's multipart parser stops at the configured limits with this exception type.
      String m = String.valueOf(e.getMessage());
      if (m.contains("exceeds")) {
        throw ProblemException.of(
            413,
            "request-too-large",
            "Request too large",
            "a photo is over the limit of "
                + limits.maxPhotoBytes()
                + " bytes, or the request over "
                + limits.maxRequestBytes()
                + " bytes");
      }
      throw ProblemException.badRequest("the multipart body cannot be read: " + m);
    }
    if (files.size() < minCount) {
      throw ProblemException.badRequest(
          "expected at least "
              + minCount
              + " file(s) in the part '"
              + field
              + "', got "
              + files.size());
    }
    if (files.size() > limits.maxPhotosPerRequest()) {
      throw ProblemException.of(
          413,
          "too-many-photos",
          "Request too large",
          files.size()
              + " photos in one request, over the limit of "
              + limits.maxPhotosPerRequest());
    }
    Path dir = privateDir();
    List<UploadedPhoto> saved = new ArrayList<>();
    Set<String> names = new HashSet<>();
    PixelLimit pixels = new PixelLimit(Math.min(limits.maxPixels(), PixelLimit.CEILING));
    try {
      for (UploadedFile f : files) {
        String name = unique(safeName(f.filename()), names);
        saved.add(save(f, dir.resolve(name), name, limits.maxPhotoBytes(), pixels));
      }
    } catch (RuntimeException e) {
      delete(dir);
      throw e;
    }
    return new UploadBatch(dir, saved);
  }

  public List<UploadedPhoto> photos() {
    return photos;
  }

  /** The saved photo of the part {@code field} when there is exactly one (verify, identify). */
  public UploadedPhoto only() {
    return photos.get(0);
  }

  private static UploadedPhoto save(
      UploadedFile f, Path target, String name, long maxBytes, PixelLimit pixels) {
    if (f.size() > maxBytes) {
      return new UploadedPhoto(
          name,
          null,
          "the file is " + f.size() + " bytes, over the limit of " + maxBytes,
          "too_large");
    }
    byte[] bytes;
    try (InputStream in = f.content()) {
      bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      return new UploadedPhoto(name, null, "cannot be read: " + e.getMessage(), "unreadable");
    }
    if (bytes.length > maxBytes) {
      return new UploadedPhoto(
          name, null, "the file is over the limit of " + maxBytes + " bytes", "too_large");
    }
    Optional<ImageSize> size = ImageSize.of(bytes);
    if (size.isEmpty()) {
      return new UploadedPhoto(name, null, "not a JPEG, PNG, BMP, GIF or TIFF image", "unreadable");
    }
    try {
      pixels.check(size.get());
    } catch (ImageDecodeException e) {
      return new UploadedPhoto(
          name,
          null,
          e.getMessage(),
          e instanceof io.facetrail.faces.image.ImageTooLargeException
              ? "too_large"
              : "unreadable");
    }
    try {
      Files.write(target, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save an upload in " + target.getParent(), e);
    }
    return new UploadedPhoto(name, target, null, null);
  }

  /** The base name of what the client sent, without path, control or bidi characters. */
  static String safeName(String given) {
    String base = given == null ? "" : given;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder();
    base.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .forEach(b::appendCodePoint);
    String clean = b.toString().strip();
    if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
      clean = "photo";
    }
    return clean.length() > 120 ? clean.substring(0, 120) : clean;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = i + "-" + name;
    }
    return candidate;
  }

  private static Path privateDir() {
    try {
      try {
        return Files.createTempDirectory(
            "facetrail-upload",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        return Files.createTempDirectory("facetrail-upload");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for uploads", e);
    }
  }

  @Override
  public void close() {
    delete(dir);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the uploads in " + dir, e);
    }
  }
}
