/**
 * FFmpeg through JavaCPP: opening files, network streams and devices, decoding the video stream,
 * counting what corrupt input costs, and encoding selected frames to JPEG.
 *
 * <p>JavaCV's {@code FFmpegFrameGrabber} is not used for ingest: it ignores decoder errors and
 * treats every read error as the end of the input, so corrupt packets could neither be counted nor
 * told apart from a dropped connection, and it converts every decoded frame to BGR. {@link
 * io.facetrail.ingest.media.VideoInput} drives the same FFmpeg libraries directly, converts only
 * the frames the sampling policy selects, and encodes them from the decoder's own YUV planes with
 * FFmpeg's JPEG encoder ({@link io.facetrail.ingest.media.JpegEncoder}).
 */
package io.facetrail.ingest.media;
