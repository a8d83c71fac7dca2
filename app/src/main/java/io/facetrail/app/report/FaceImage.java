package io.facetrail.app.report;

import java.nio.file.Path;

/**
 * The picture of a face (a small JPEG from the embedder): held in memory, or stored in a file next
 * to a timeline. Face data: it goes only into outputs the user asked for, never into logs.
 *
 * @param jpeg the JPEG bytes, or null when only the file is known
 * @param file where the JPEG is stored, or null when it is only in memory
 * @param quality the face's quality score (0..1) that made it the best of its track
 */
public record FaceImage(byte[] jpeg, Path file, double quality) {
  public FaceImage {
    if (jpeg == null && file == null) {
      throw new IllegalArgumentException("a face image needs its bytes or its file");
    }
  }

  /** The same face, stored in {@code stored}. */
  public FaceImage storedAt(Path stored) {
    return new FaceImage(jpeg, stored, quality);
  }
}
