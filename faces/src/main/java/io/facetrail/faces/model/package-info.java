/**
 * The local model cache: which pretrained weight files FaceTrail uses (pinned package version and
 * SHA-256 per file), where they live ({@code FACETRAIL_MODELS_DIR} or {@code
 * ~/.cache/facetrail/models}), and how they are fetched from the npm registry on first use.
 */
package io.facetrail.faces.model;
