package io.facetrail.ingest.media;

/**
 * A JPEG image and its size in pixels.
 *
 * @param jpeg the complete JPEG file
 * @param width pixels
 * @param height pixels
 */
public record EncodedImage(byte[] jpeg, int width, int height) {}
