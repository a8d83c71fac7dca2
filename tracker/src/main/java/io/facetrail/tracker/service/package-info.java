/**
 * The standalone tracker service: its configuration, the Kafka Streams application with metrics,
 * health and dead letters, and the {@code facetrail tracker} command.
 */
package io.facetrail.tracker.service;
