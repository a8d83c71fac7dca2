/**
 * The outbound dead-letter topic: identity events a target could not take (attempts exhausted, a
 * permanent refusal, a full queue) and records of the identity topic that are not events, with
 * headers saying which target, why and after how many attempts.
 */
package io.facetrail.outbound.deadletter;
