/**
 * The ingest service: a thin shell over {@link io.facetrail.ingest.engine.IngestEngine} that turns
 * an {@link io.facetrail.ingest.config.IngestConfig} into running streams, creates the frames
 * topic, serves metrics, health and stream status over HTTP, reports progress, and shuts down
 * cleanly.
 */
package io.facetrail.ingest.service;
