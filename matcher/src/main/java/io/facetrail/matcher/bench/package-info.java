/**
 * Benchmarks of the gallery ({@code facetrail bench gallery}) and the synthetic face codes they run
 * on: clustered identities with several codes each, so that search recall is meaningful.
 */
package io.facetrail.matcher.bench;
