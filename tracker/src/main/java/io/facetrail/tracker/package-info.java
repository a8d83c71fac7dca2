/**
 * The tracker: links the faces of consecutive frames of one camera into tracks (Kalman filter,
 * two-stage assignment with appearance) and runs that as a Kafka Streams processor.
 */
package io.facetrail.tracker;
