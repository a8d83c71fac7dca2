package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;

/**
 * A source face: a photo, its subject's face box (from the landmarks) and absolute yaw.
 *
 * @param name the photo's file name
 * @param photo the decoded photo
 * @param face the face box in the photo's pixels ({@code FaceExtent})
 * @param yaw absolute yaw in degrees ({@code HeadPose})
 */
record FaceSample(String name, RgbImage photo, FaceBox face, double yaw) {}
