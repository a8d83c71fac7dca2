/**
 * The 68-point facial landmark network (face-api's {@code face_landmark_68_model}: four densely
 * connected blocks of separable convolutions and a dense layer) and the detector that runs it on
 * face crops in batches, returning points in the crop's pixel coordinates.
 */
package io.facetrail.faces.landmark;
