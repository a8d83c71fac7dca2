/**
 * Benchmarks of FaceTrail's stages and face library ({@code facetrail bench ...}): commands only,
 * never on a runtime path. Each prints one JSON object per result line, with its configuration.
 */
package io.facetrail.benchmarks;
