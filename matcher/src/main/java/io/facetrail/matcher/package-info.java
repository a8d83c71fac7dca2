/**
 * Per-track identity against the gallery (Redis or local) as a Kafka Streams application; gallery
 * tools.
 */
package io.facetrail.matcher;
