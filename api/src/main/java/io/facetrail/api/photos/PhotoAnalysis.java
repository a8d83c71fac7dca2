package io.facetrail.api.photos;

import io.facetrail.api.server.ProblemException;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.PhotoTooLargeException;
import io.facetrail.matcher.enrol.UnreadablePhotoException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The face models behind the API's photo endpoints. One analyzer, used by one request at a time:
 * its native models are not safe to call from several threads, and on a small machine photos
 * analysed one after the other finish no later than photos analysed together.
 */
public final class PhotoAnalysis implements AutoCloseable {
  private final FaceAnalyzer analyzer;

  public PhotoAnalysis(FaceAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The analyzer, for enrolment (which analyses photo by photo through {@link #analyse}). */
  public FaceAnalyzer shared() {
    return new FaceAnalyzer() {
      @Override
      public List<DetectedFace> analyse(Path photo) {
        return PhotoAnalysis.this.analyse(photo);
      }

      @Override
      public void close() {
        // Owned by PhotoAnalysis: closing the view must not close the models.
      }
    };
  }

  public synchronized List<DetectedFace> analyse(Path photo) {
    return analyzer.analyse(photo);
  }

  /**
   * The largest face of an uploaded photo.
   *
   * @throws ProblemException (422) when the photo was refused, cannot be decoded or shows no face
   */
  public DetectedFace largestFace(UploadedPhoto photo) {
    if (photo.refused()) {
      throw ProblemException.of(
          photo.problemKind().equals("too_large") ? 413 : 422,
          "photo-" + photo.problemKind().replace('_', '-'),
          "The photo cannot be used",
          photo.name() + ": " + photo.problem());
    }
    List<DetectedFace> faces;
    try {
      faces = analyse(photo.file());
    } catch (UnreadablePhotoException | PhotoTooLargeException e) {
      throw ProblemException.of(
          422,
          "photo-unreadable",
          "The photo cannot be used",
          photo.name() + ": " + e.getMessage());
    }
    return faces.stream()
        .max(Comparator.comparingDouble(DetectedFace::boxArea))
        .orElseThrow(
            () ->
                ProblemException.of(
                    422,
                    "no-face",
                    "No face found",
                    photo.name() + ": no face found in the photo"));
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
