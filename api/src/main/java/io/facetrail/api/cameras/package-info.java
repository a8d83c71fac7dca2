/**
 * Cameras and their status: the streams ingest services report (polled over HTTP, or given in
 * process) joined with the streams the identity and tracks topics have shown.
 */
package io.facetrail.api.cameras;
