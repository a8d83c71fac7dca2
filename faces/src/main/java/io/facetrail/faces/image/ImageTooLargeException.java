package io.facetrail.faces.image;

/** An image whose header states more pixels than the {@link PixelLimit}; nothing was decoded. */
public class ImageTooLargeException extends ImageDecodeException {
  private static final long serialVersionUID = 1L;

  public ImageTooLargeException(String message) {
    super(message);
  }
}
