/**
 * FaceTrail ingest: decodes video files, live streams (RTSP, HTTP(S), HLS, ...), V4L2 devices and
 * folders of images into the frames topic, one JPEG frame record per selected frame and an
 * end-of-stream record per source, keyed by stream id.
 *
 * <p>Ingest is a library first. {@link io.facetrail.ingest.engine.IngestEngine} takes typed {@link
 * io.facetrail.ingest.source.SourceSpec}s and Kafka settings (or a producer), runs many sources
 * concurrently, and gives a {@link io.facetrail.ingest.engine.StreamHandle} per source with live
 * {@link io.facetrail.ingest.engine.StreamStatus} (frames decoded, selected, published, dropped,
 * lost to corruption; reconnects) and a completion future that says how the source ended
 * (completed, failed with a cause, stopped). {@code facetrail ingest} ({@link
 * io.facetrail.ingest.service.IngestService}) is a thin shell over it.
 *
 * <ul>
 *   <li>{@link io.facetrail.ingest.source}: what to read, stream ids, reconnect policy
 *   <li>{@link io.facetrail.ingest.sampling}: which frames to publish
 *   <li>{@link io.facetrail.ingest.media}: FFmpeg decoding, corruption accounting, JPEG encoding
 *   <li>{@link io.facetrail.ingest.engine}: streams, queues, publishing, metrics
 *   <li>{@link io.facetrail.ingest.config}, {@link io.facetrail.ingest.service}, {@link
 *       io.facetrail.ingest.cli}: the service and its command
 * </ul>
 *
 * <p>{@code facetrail bench decode} and {@code facetrail eval shots} are in the benchmarks and
 * evaluation modules.
 */
package io.facetrail.ingest;
