/**
 * The ingest module's {@code facetrail} commands: {@code facetrail ingest} (the service) and {@code
 * facetrail bench decode}, contributed through {@link io.facetrail.runtime.cli.CommandProvider}.
 */
package io.facetrail.ingest.cli;
