/**
 * The identity event: FaceTrail's public output, JSON on the identity topic, described by {@code
 * schemas/identity-event.v1.schema.json} for downstream teams.
 */
package io.facetrail.contracts.identity;
