/**
 * Tile sweeps: the tiles that find small faces in large frames, spread over a video stream's
 * consecutive frames instead of all scanned on every frame, with windows kept on the small faces
 * already found so that they stay detected on every frame. Per-stream state in memory only, reset
 * by a shot change or a gap in the stream's sequence numbers; plain Java around {@link
 * io.facetrail.faces.detect.ScanningDetector}.
 */
package io.facetrail.faces.sweep;
