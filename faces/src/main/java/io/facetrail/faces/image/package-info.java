/**
 * Images as the face models see them: a packed RGB raster ({@link
 * io.facetrail.faces.image.RgbImage}), decoding of JPEG/PNG bytes and OpenCV {@code Mat}s into it
 * with typed errors, TensorFlow-style bilinear resizing into network input tensors, and small JPEG
 * thumbnails.
 */
package io.facetrail.faces.image;
