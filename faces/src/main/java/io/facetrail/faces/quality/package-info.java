/**
 * Face quality: the measures of a face (size, sharpness, brightness, yaw: {@link
 * io.facetrail.faces.quality.FaceMeasures}), the quality gate that lets a face count toward an
 * identity decision when its measured buckets' genuine acceptance reaches a floor ({@link
 * io.facetrail.faces.quality.QualityGate}, {@link io.facetrail.faces.quality.GateTable}), and the
 * older single score in 0..1 ({@link io.facetrail.faces.quality.FaceQuality}) still used to rank
 * faces (best face, enrolment) and for records without measures.
 */
package io.facetrail.faces.quality;
