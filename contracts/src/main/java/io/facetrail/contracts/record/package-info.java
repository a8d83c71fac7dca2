/**
 * Semantic validation of the Protobuf records of the internal topics (frames, faces, tracks), used
 * by the serdes on both the producing and the consuming side.
 */
package io.facetrail.contracts.record;
