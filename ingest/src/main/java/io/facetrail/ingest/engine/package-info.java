/**
 * The ingest engine: runs many sources concurrently into the frames topic.
 *
 * <pre>{@code
 * try (IngestEngine engine = IngestEngine.builder().setKafka(kafkaSettings).build()) {
 *   StreamHandle cam = engine.start(SourceSpec.builder("rtsp://cam1/stream").build());
 *   StreamHandle file = engine.start(SourceSpec.builder("video.mp4").build());
 *   StreamOutcome end = file.completion().join();   // COMPLETED, FAILED (with cause) or STOPPED
 *   StreamCounts counts = end.counts();              // decoded, selected, published, dropped, corrupt
 *   cam.stop();                                      // ends with a STOPPED end-of-stream record
 * }
 * }</pre>
 *
 * <p>Each stream has a decoder thread (read, decode, select; reconnect with back-off for live
 * sources) and a publisher thread (JPEG-encode, publish, end-of-stream record), joined by a bounded
 * queue of references to decoded pictures. When the queue is full a live source drops its oldest
 * frame and counts it; a file waits, so for files every selected frame is published. Damaged frames
 * and packets the decoder refuses are skipped and counted as corrupt. All streams share one
 * idempotent producer ({@code acks=all}); records are keyed by stream id, so each stream's records
 * stay in order on one partition. Meters are named {@code facetrail.ingest.*} and tagged with the
 * stream id.
 */
package io.facetrail.ingest.engine;
