/**
 * Multi-object tracking scores: CLEAR-MOT (MOTA, MOTP, ID switches, fragmentations; Bernardin and
 * Stiefelhagen 2008) and identity scores (IDF1, IDP, IDR; Ristani et al. 2016), with "don't care"
 * regions for objects too hidden to be expected.
 */
package io.facetrail.evaluation.tracking.metrics;
