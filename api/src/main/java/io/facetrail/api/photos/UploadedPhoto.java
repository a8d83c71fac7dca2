package io.facetrail.api.photos;

import java.nio.file.Path;

/**
 * One uploaded photo, checked and saved in the request's private folder.
 *
 * @param name the file name the client gave, reduced to a safe base name (what outcomes and the
 *     gallery's photo source name)
 * @param file where it was saved
 * @param problem why it was refused before analysis (too large, not an image), null when saved
 */
public record UploadedPhoto(String name, Path file, String problem, String problemKind) {
  public boolean refused() {
    return problem != null;
  }
}
