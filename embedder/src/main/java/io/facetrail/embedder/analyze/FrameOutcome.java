package io.facetrail.embedder.analyze;

import io.facetrail.contracts.proto.Face;
import java.util.List;

/** What became of one frame of a batch. */
public sealed interface FrameOutcome {
  /** The frame was decoded and analysed; {@code faces} may be empty. */
  record Analyzed(List<Face> faces) implements FrameOutcome {
    public Analyzed {
      faces = List.copyOf(faces);
    }
  }

  /**
   * The frame's image bytes could not be decoded (corrupt JPEG, absurd size): it goes to the
   * dead-letter topic and processing continues.
   */
  record Undecodable(String reason) implements FrameOutcome {}
}
