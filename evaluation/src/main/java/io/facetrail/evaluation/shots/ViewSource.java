package io.facetrail.evaluation.shots;

import java.awt.image.BufferedImage;

/** Real pictures a generated shot is cut from: frames of a clip, or a collage of photos. */
interface ViewSource {
  /** The source picture at {@code frame} frames into a shot that started at {@code start}. */
  BufferedImage picture(int start, int frame);

  String name();
}
