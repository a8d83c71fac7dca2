/**
 * The contracts between FaceTrail's stages: Protobuf record types of the internal topics (generated
 * into {@code io.facetrail.contracts.proto}), the identity event published to outside consumers,
 * serdes that reject malformed bytes, the topic registry and the dead-letter conventions.
 */
package io.facetrail.contracts;
