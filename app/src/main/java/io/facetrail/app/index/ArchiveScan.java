package io.facetrail.app.index;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the videos to index: files given directly are taken whatever their name; folders are
 * searched recursively for files with a video extension ({@value #EXTENSIONS_TEXT}), hidden files
 * and folders skipped, in name order.
 */
final class ArchiveScan {
  static final String EXTENSIONS_TEXT =
      "mp4, m4v, mov, mkv, webm, avi, wmv, flv, mpg, mpeg, ts, m2ts, mts, 3gp";
  private static final Pattern VIDEO =
      Pattern.compile(
          ".*\\.(mp4|m4v|mov|mkv|webm|avi|wmv|flv|mpg|mpeg|ts|m2ts|mts|3gp)$",
          Pattern.CASE_INSENSITIVE);

  private ArchiveScan() {}

  /**
   * @throws UserFacingException naming every argument that does not exist, or when no video is
   *     found
   */
  static List<VideoFile> scan(List<Path> roots) {
    List<String> missing = new ArrayList<>();
    for (Path r : roots) {
      if (!Files.exists(r)) {
        missing.add(r.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new UserFacingException("no such file or folder: " + String.join(", ", missing));
    }
    List<VideoFile> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Path root : roots) {
      Path abs = root.toAbsolutePath().normalize();
      if (Files.isDirectory(abs)) {
        String base = abs.getFileName() == null ? "archive" : abs.getFileName().toString();
        for (Path f : videosIn(abs)) {
          add(out, seen, names, f, base + "/" + slashes(abs.relativize(f)));
        }
      } else {
        add(out, seen, names, abs, abs.getFileName().toString());
      }
    }
    if (out.isEmpty()) {
      throw new UserFacingException(
          "no video files in " + roots + " (looked for " + EXTENSIONS_TEXT + ")");
    }
    return out;
  }

  private static void add(
      List<VideoFile> out, Set<Path> seen, Set<String> names, Path file, String name) {
    if (!seen.add(file)) {
      return; // given twice (a file and its folder): index it once
    }
    String unique = name;
    for (int n = 2; !names.add(unique.toLowerCase(Locale.ROOT)); n++) {
      unique = name + "~" + n;
    }
    out.add(new VideoFile(file, unique));
  }

  private static List<Path> videosIn(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !hidden(dir.relativize(p)))
          .filter(p -> VIDEO.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UserFacingException("cannot list the folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
