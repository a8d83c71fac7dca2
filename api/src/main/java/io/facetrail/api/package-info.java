/**
 * FaceTrail's HTTP API ({@code /api/v1}) and web console, served by one process ({@code facetrail
 * serve}, or inside {@code facetrail run --serve}). Not a pipeline stage: it reads the gallery (as
 * the matcher's library), the identity and tracks topics, and index outputs, and never imports
 * another stage.
 */
package io.facetrail.api;
