/**
 * The in-memory index every matcher keeps over the gallery's 128-byte codes: an exact scan over
 * codes packed in one primitive array, and a fast search (estimates from a 128-bit sketch per code,
 * in SIMD registers where the JVM allows it, with exact re-ranking) for large galleries. Results
 * are persons, ranked by their nearest code.
 */
package io.facetrail.matcher.index;
