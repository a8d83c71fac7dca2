/**
 * Dead-letter conventions: a record a stage cannot process is published, byte for byte, to the
 * stage's dead-letter topic with headers naming the error, the stage and the source offset.
 */
package io.facetrail.contracts.deadletter;
