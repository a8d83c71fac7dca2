package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.FaceMeasures;

/**
 * One photo's subject as the pipeline saw it. Holds face data: never log it.
 *
 * @param measures what the face library measured
 * @param quality the older single score ({@code FaceQuality})
 * @param code the 128-byte code
 */
record CodedFace(FaceMeasures measures, float quality, byte[] code) {}
