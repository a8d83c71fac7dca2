/**
 * Links faces into per-camera tracks (Kalman filter, two-stage assignment with appearance) as a
 * Kafka Streams processor.
 */
package io.facetrail.tracker;
