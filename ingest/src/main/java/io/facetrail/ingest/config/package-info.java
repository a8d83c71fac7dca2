/**
 * The ingest service's configuration: one immutable record ({@link
 * io.facetrail.ingest.config.IngestConfig}) loaded by the runtime's {@code ConfigLoader} from the
 * built-in defaults ({@code ingest-defaults.yaml}), a file, {@code FACETRAIL_*} variables and
 * command-line overrides, validated once with every problem listed, and turned into {@link
 * io.facetrail.ingest.source.SourceSpec}s.
 */
package io.facetrail.ingest.config;
