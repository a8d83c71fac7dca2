package io.facetrail.tracker.track;

import java.util.List;

/**
 * What one frame did to the tracks.
 *
 * @param trackOfDetection for each input detection (same order) the track it now belongs to, or
 *     null when it was left unmatched (a weak detection, or one too weak to start a track)
 * @param confirmed tracks confirmed in this frame: their earlier detections become publishable
 * @param removed tracks removed in this frame
 * @param merged new tracks that turned out to be lost ones coming back: their earlier detections
 *     belong to the lost track
 */
public record FrameResult(
    Track[] trackOfDetection, List<Track> confirmed, List<Removal> removed, List<Merge> merged) {}
