package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.faces.quality.Measure;

/**
 * One coded photo of the evaluation, as kept in the samples file (face data: keep it out of the
 * repository).
 *
 * @param person the LFW identity
 * @param fit whether the identity is in the fit half (else the report half)
 * @param reference whether this is the person's reference photo (as it is or degraded), else a
 *     probe
 * @param measure the degraded measure of a probe, null for a photo as it is
 * @param amount the degradation's amount ({@link Degradation})
 * @param measures what the face library measured, null when no face was found
 * @param quality the older single score ({@code FaceQuality}), 0 when no face was found
 * @param code the 128-byte code, null when no face was found
 */
record SampleRow(
    String person,
    boolean fit,
    boolean reference,
    Measure measure,
    double amount,
    FaceMeasures measures,
    float quality,
    byte[] code) {
  Degradation degradation() {
    return new Degradation(measure, amount);
  }

  boolean found() {
    return code != null;
  }
}
