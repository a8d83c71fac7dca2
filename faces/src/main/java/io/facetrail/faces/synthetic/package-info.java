/**
 * Synthetic face embeddings with the structure of real ones, for the gallery benchmark and for the
 * tests that must not depend on face models (the matcher's, the app's). Not on a runtime path. It
 * lives in the face library, not with the benchmark, because the matcher's tests need it and the
 * matcher cannot depend on the benchmarks module, which depends on the matcher; it needs only the
 * face code and calibration tables.
 */
package io.facetrail.faces.synthetic;
