/**
 * Serialisation of FaceTrail records: a two-byte envelope (magic, schema version) around each
 * Protobuf payload, semantic validation after parsing, and typed errors for malformed bytes.
 */
package io.facetrail.contracts.serde;
