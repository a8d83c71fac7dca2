/**
 * The analysis step as the service sees it: a batch of frames in, one outcome per frame out (faces,
 * or the reason the frame could not be decoded).
 */
package io.facetrail.embedder.analyze;
