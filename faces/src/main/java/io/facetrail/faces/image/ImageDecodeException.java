package io.facetrail.faces.image;

/** Bytes that are not a decodable image (empty, truncated, or not JPEG/PNG/another format). */
public class ImageDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImageDecodeException(String message) {
    super(message);
  }
}
