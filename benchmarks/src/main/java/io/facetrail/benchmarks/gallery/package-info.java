/**
 * Benchmarks of the gallery ({@code facetrail bench gallery}) on synthetic face codes ({@code
 * faces.synthetic}): clustered identities with several codes each, so that search recall is
 * meaningful.
 */
package io.facetrail.benchmarks.gallery;
