package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;

/**
 * A face composited into a frame, with what was done to it.
 *
 * @param truth its face box in the frame
 * @param source the LFW photo it came from
 * @param yaw its yaw bucket
 * @param size its size bucket
 * @param dim the whole frame was dimmed
 * @param blurred the face was blurred
 * @param compressed the face went through strong JPEG compression
 */
record PlacedFace(
    FaceBox truth,
    String source,
    YawBucket yaw,
    SizeBucket size,
    boolean dim,
    boolean blurred,
    boolean compressed) {}
